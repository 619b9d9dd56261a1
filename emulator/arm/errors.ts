/** ARM's error envelope `{ error: { code, message } }` and the common not-found answers. */
import type { EmuResponse } from '../http.js'

export interface ArmError {
  status: number
  code: string
  message: string
}

export const armError = (status: number, code: string, message: string): ArmError => ({ status, code, message })

export function errorResponse(error: ArmError, headers?: Record<string, string>): EmuResponse {
  return { status: error.status, headers, body: { error: { code: error.code, message: error.message } } }
}

export const resourceGroupNotFound = (name: string): ArmError =>
  armError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`)

/** What ARM says when a top-level resource does not exist. */
export const resourceNotFound = (type: string, name: string, resourceGroup: string | undefined): ArmError =>
  armError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
  )

/** What resource providers say about a missing child (a subnet, a peering, a link). */
export const childNotFound = (id: string): ArmError => armError(404, 'NotFound', `Resource ${id} not found.`)
