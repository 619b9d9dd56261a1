/**
 * One line of `verify`: what was checked, how it went, and what to do when it failed. `unchecked`: verify could not
 * run the check (a token or a permission it lacks, named in the detail); it never counts as passed.
 */
export interface VerifyCheck {
  name: string
  status: 'pass' | 'warn' | 'fail' | 'unchecked'
  detail: string
}
