/** One line of `verify`: what was checked, how it went, and what to do when it failed. */
export interface VerifyCheck {
  name: string
  status: 'pass' | 'warn' | 'fail'
  detail: string
}
