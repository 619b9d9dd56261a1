/** A bad input or flag combination: shown as it is, with no "Cannot …" prefix, before any network call. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}
