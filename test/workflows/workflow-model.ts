/** Small read-only views over parsed workflow YAML, so the structural tests read like the rules they check. */
import type { Yaml } from './files.js'
import { readYaml } from './files.js'

export interface JobView {
  file: string
  id: string
  job: Yaml
}

export interface StepView {
  where: string
  step: Yaml
}

export function jobsOf(file: string): JobView[] {
  const workflow = readYaml(file)
  return Object.entries(workflow.jobs ?? {}).map(([id, job]) => ({ file, id, job }))
}

export function stepsOf(file: string): StepView[] {
  const workflow = readYaml(file)
  if (workflow.runs) return (workflow.runs.steps ?? []).map((step: Yaml) => ({ where: file, step }))
  return jobsOf(file).flatMap(({ id, job }) =>
    (job.steps ?? []).map((step: Yaml) => ({ where: `${file} jobs.${id}`, step }))
  )
}

export function findStep(file: string, jobId: string | undefined, stepId: string): Yaml {
  const workflow = readYaml(file)
  const steps: Yaml[] = jobId ? workflow.jobs[jobId].steps : workflow.runs.steps
  const step = steps.find(s => s.id === stepId)
  if (!step) throw new Error(`${file}: no step ${stepId} in ${jobId ?? 'runs'}`)
  return step
}

/** `altinn/runner-setup@v1` or the local checkout `./`: the action this repository publishes. */
export function runsOurAction(step: Yaml): boolean {
  return step.uses === 'altinn/runner-setup@v1' || step.uses === './'
}

/** Every command but an offline plan signs in to Azure; so do the image-build action and azure/login. */
export function signsIn(step: Yaml): boolean {
  if (typeof step.uses === 'string' && /^(altinn\/runner-setup\/actions\/image-build|azure\/login)@/i.test(step.uses))
    return true
  if (!runsOurAction(step)) return false
  const command = step.with?.command ?? 'plan'
  return !(command === 'plan' && String(step.with?.offline) === 'true')
}

/** `owner/repo/path.yml@ref` → `path.yml` when it is one of this repository's workflows. */
export function calledWorkflowPath(uses: string): string | undefined {
  const match = /^altinn\/runner-setup\/(\.github\/workflows\/[^@]+)@/i.exec(uses)
  return match?.[1]
}
