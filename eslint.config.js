import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The folders of src/ and what each may import (src/README.md says why): a folder imports only the folders listed
// for it, never upward. `index` and `result` are src/index.ts and src/result.ts.
const SRC_FOLDERS = [
  'index',
  'action',
  'cli',
  'image-build',
  'entrypoint',
  'commands',
  'render',
  'result',
  'verify',
  'usage',
  'azure',
  'github',
  'policy',
  'http',
  'core',
  'config'
]
const BELOW_COMMANDS = ['render', 'result', 'verify', 'usage', 'azure', 'github', 'policy', 'http', 'core', 'config']
const MAY_IMPORT = {
  index: ['action', 'cli'],
  action: ['commands', ...BELOW_COMMANDS],
  cli: ['commands', ...BELOW_COMMANDS],
  'image-build': ['commands', ...BELOW_COMMANDS],
  entrypoint: ['github', 'http', 'core'],
  commands: BELOW_COMMANDS,
  render: ['result', 'verify', 'usage', 'policy', 'core', 'config'],
  result: ['verify', 'usage', 'azure', 'policy', 'core', 'config'],
  verify: ['azure', 'github', 'http', 'core', 'config'],
  usage: ['azure', 'github', 'http', 'core', 'config'],
  azure: ['core', 'config'],
  github: ['http', 'config'],
  policy: ['core', 'config'],
  http: [],
  core: ['config'],
  config: []
}
const OUTSIDE_SRC = ['emulator', 'scripts', 'test']

/** A relative specifier that reaches `folders` (a folder, or src/index.ts and src/result.ts by name). */
const reaching = folders =>
  `^(\\.\\./)+(${folders.map(f => (f === 'index' || f === 'result' ? `${f}\\.js$` : `${f}/`)).join('|')})`

const fence = (files, forbidden, message, extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: forbidden, message, ...extra }] }] }
})

const srcFences = SRC_FOLDERS.map(folder => {
  const forbidden = SRC_FOLDERS.filter(f => f !== folder && !MAY_IMPORT[folder].includes(f))
  const files = folder === 'index' || folder === 'result' ? [`src/${folder}.ts`] : [`src/${folder}/**/*.ts`]
  return fence(
    files,
    reaching([...forbidden, ...OUTSIDE_SRC]),
    `src/${folder} may import ${MAY_IMPORT[folder].join(', ') || 'nothing else in src/'} (src/README.md), never the emulator, scripts or tests`
  )
})

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  ...srcFences,
  // The emulator's doubles stand for Azure and GitHub: they import no product logic (types only), so they catch
  // product bugs instead of mirroring them. The worlds (emulator/worlds/) wire the product to them, and the runner
  // entrypoint is built from the product for emulated containers; neither imports scripts or tests.
  {
    ...fence(
      ['emulator/**/*.ts'],
      '^(\\.\\./)+(src|scripts|test)/',
      "the emulator's doubles import no product logic (types only), and no scripts or tests",
      { allowTypeImports: true }
    ),
    ignores: ['emulator/worlds/**', 'emulator/runner-entrypoint/**']
  },
  fence(
    ['emulator/worlds/**/*.ts', 'emulator/runner-entrypoint/**/*.ts'],
    '^(\\.\\./)+(scripts|test)/',
    'the emulator imports no scripts or tests'
  ),
  fence(
    ['scripts/**/*.ts'],
    '^(\\.\\./)+test/',
    'scripts use src/ and the emulator, never test/ (test/ holds tests only)'
  )
)
