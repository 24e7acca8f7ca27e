import type { Services } from '../services'

/**
 * Long work (batch documents, imports, bundles, filing packs) runs as a job in worker threads: the call that
 * starts it returns a job id at once; progress and the end come back as core events; the user can cancel.
 *
 * A job kind is defined once (see registry.ts) and runs in two places: `plan` in the main thread cuts the work
 * into units; each worker opens its own connection to the same store and runs `runUnit` for its share.
 */
export interface UnitContext {
  /** The worker's own core over the same data directory (WAL lets it read while the app works). */
  services: Services
  /** The job's parameters, as given to `start`. */
  params: unknown
  /** True once the user cancelled: stop at the next safe point. */
  cancelled(): boolean
  /** Report finer progress inside a long unit (an import reporting rows). */
  progress(done: number, total: number, current?: string): void
}

export interface JobDefinition<P = unknown, U = unknown, R = unknown, F = unknown> {
  /** Cut the work into units; runs in the main thread, may check params and throw a UserError before anything starts. */
  plan(services: Services, params: P): Promise<U[]>
  /** Do one unit in a worker; a thrown UserError is recorded against that unit and the job goes on. */
  runUnit(ctx: UnitContext, unit: U): Promise<R>
  /**
   * Record finished units in the main thread, many at a time (one transaction for a group instead of one per
   * unit in each worker). Called with the units finished since its last call, never twice at once; a unit
   * counts as done when the call has returned, and a throw marks every unit of the group as failed.
   * Returns each unit's result as `finish` will see it (without what is now recorded, to keep memory flat).
   */
  commit?(services: Services, params: P, done: { unit: U; result: R }[]): Promise<R[]>
  /** Label for progress ("AJ-2026-000123"). */
  label?(unit: U): string
  /** Combine the units' results in the main thread once all workers are done (or the job was cancelled). */
  finish?(services: Services, params: P, results: { unit: U; result: R }[], errors: UnitError[]): Promise<F>
  /** How many workers to use at most (default: both cores). */
  maxThreads?: number
  /**
   * A cap on each worker's V8 old space, in MB, for kinds whose units are small and many: V8 otherwise lets
   * a busy worker's heap grow for long before collecting, and a 10,000-letter batch peaked over 600 MB.
   * Leave unset where one unit can need a large heap (a big bundle); a function of the job's parameters
   * sizes the cap to the work (an import: to its file).
   */
  workerHeapMb?: number | ((params: P) => number)
  /**
   * A cap on each capped worker's young generation, in MB (V8's default is 32 for a worker: up to 48 MB of
   * short-lived garbage between scavenges). Only with `workerHeapMb`.
   */
  workerYoungMb?: number
}

export interface UnitError {
  label: string
  code: string
  message: string
  messageEn: string
}

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled'

export interface JobState {
  id: string
  kind: string
  status: JobStatus
  done: number
  total: number
  current: string | null
  errors: UnitError[]
  startedAt: string
  endedAt: string | null
  result: unknown
  /** Set when the job as a whole failed (not one unit). */
  failure: { code: string; message: string; messageEn: string } | null
}
