import type { JobDefinition } from './types'

/**
 * Every job kind, by name. Both the main thread (plan, finish) and the workers (runUnit) look kinds up here,
 * so a kind is one module imported once below.
 */
export const JOB_KINDS: Record<string, JobDefinition<any, any, any, any>> = {}

/** Register a kind; called at module load by the kind's own file. */
export function defineJob<P, U, R, F>(kind: string, def: JobDefinition<P, U, R, F>): JobDefinition<P, U, R, F> {
  JOB_KINDS[kind] = def
  return def
}
