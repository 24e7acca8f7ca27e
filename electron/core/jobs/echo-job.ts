import { getHeapStatistics } from 'node:v8'
import { UserError } from '../errors'
import { defineJob } from './registry'

/**
 * A diagnostic job: counts the store's cases per unit of work. It proves the worker plumbing end to end
 * (a worker's own connection, progress, per-unit errors, cancel) and backs the jobs tests; `units` asks for
 * that many units, `failOn` makes those unit numbers fail, `delayMs` slows each unit down. Each unit also
 * reports its worker's heap limit, which shows that a kind's `workerHeapMb` reached the worker.
 */
export interface EchoParams {
  units: number
  failOn?: number[]
  delayMs?: number
  /** diagnostics.echo-grouped: the group holding one of these units fails to commit. */
  commitFailOn?: number[]
  /** diagnostics.echo-grouped: its workers' heap cap in MB (default 96), as a kind sizes it from its parameters. */
  heapMb?: number
}

export const echoJob = defineJob('diagnostics.echo', {
  async plan(_s, p: EchoParams) {
    return Array.from({ length: p.units }, (_, i) => i + 1)
  },
  label: (n: number) => `#${n}`,
  async runUnit(ctx, n: number) {
    const p = ctx.params as EchoParams
    if (p.delayMs) await new Promise((r) => setTimeout(r, p.delayMs))
    if (p.failOn?.includes(n)) throw new UserError('ECHO_FAILED', `第 ${n} 项按要求失败`, `Unit ${n} failed as asked`)
    const info = await ctx.services.system.info()
    return { n, cases: info.cases, heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) }
  },
  async finish(_s, _p, results, errors) {
    return { ok: results.length, failed: errors.length, cases: results[0]?.result.cases ?? null, heapLimitMb: results[0]?.result.heapLimitMb ?? null }
  },
})

/**
 * The echo job with a main-thread `commit` (as documents batches register their rows): each result says
 * how many units its group held; a group holding a unit of `commitFailOn` fails as a whole. Its workers'
 * heaps are capped, as a documents batch's are.
 */
export const echoGroupedJob = defineJob('diagnostics.echo-grouped', {
  ...echoJob,
  workerHeapMb: (p: EchoParams) => p.heapMb ?? 96,
  async commit(_s, p: EchoParams, done: { unit: number; result: { n: number; cases: number; heapLimitMb: number } }[]) {
    if (done.some((d) => p.commitFailOn?.includes(d.unit))) throw new UserError('ECHO_COMMIT_FAILED', '这一组按要求未能记录', 'This group failed to commit as asked')
    return done.map((d) => ({ ...d.result, group: done.length }))
  },
})

/** The grouped echo job with its workers' young generation capped too (8 MB), as an import's is. */
export const echoYoungJob = defineJob('diagnostics.echo-young', { ...echoGroupedJob, workerYoungMb: 8 })
