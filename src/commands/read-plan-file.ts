/** Reads a plan saved with `plan --json`, so apply can carry out exactly what was reviewed. */
import { readFileSync } from 'node:fs'
import type { Plan } from '../core/types.js'
import { InputError } from './input-error.js'

function isPlan(value: unknown): value is Plan {
  const plan = value as Partial<Plan> | undefined
  return (
    typeof plan?.team === 'string' &&
    (plan.purpose === 'apply' || plan.purpose === 'destroy') &&
    Array.isArray(plan.entries) &&
    Array.isArray(plan.preflight)
  )
}

/** The plans in a `plan --json` file, by team: one team (`{ team, plan }`) or several (`{ teams: [...] }`). */
export function readSavedPlans(file: string): Map<string, Plan> {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    throw new InputError(
      `${file}: cannot read the saved plan (${why}); save one with: runner-setup plan --json > ${file}`
    )
  }
  const teams = (parsed as { teams?: unknown[] }).teams ?? [parsed]
  const plans = new Map<string, Plan>()
  for (const team of teams) {
    const plan = (team as { plan?: unknown }).plan
    if (!isPlan(plan))
      throw new InputError(`${file}: not a saved plan (expected the output of plan --json, with a plan per team)`)
    plans.set(plan.team, plan)
  }
  return plans
}
