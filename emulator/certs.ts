/** A throwaway CA and a leaf certificate for 127.0.0.1/localhost (and *.emulator.test), made at every start. */
import { generate } from 'selfsigned'

export interface Certificates {
  caPem: string
  key: string
  cert: string
}

export async function makeCertificates(): Promise<Certificates> {
  const notAfterDate = new Date(Date.now() + 7 * 24 * 3600 * 1000)
  const ca = await generate([{ name: 'commonName', value: 'runner-setup emulator CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
    ]
  })
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
          // A name that is not loopback, for tests that reach the emulator through a proxy (which resolves it).
          { type: 2, value: '*.emulator.test' }
        ]
      }
    ]
  })
  return { caPem: ca.cert, key: leaf.private, cert: leaf.cert }
}
