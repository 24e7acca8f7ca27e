import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import './kinds'
import type { FromWorker, ToWorker, WorkerInit } from './protocol'
import { JOB_KINDS } from './registry'
import type { JobState, UnitError } from './types'
import { unitError } from './unit-error'

/** The bundled worker (Electron build) sits beside the main bundle; from source, tsx runs worker.ts. */
function workerEntry(): URL {
  const bundled = new URL('./jobs-worker.js', import.meta.url)
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./worker-entry.mjs', import.meta.url)
}

interface Running {
  state: JobState
  workers: Worker[]
  settled: Promise<JobState>
}

/**
 * Runs jobs in worker threads (both cores by default), hands units out one at a time, records each unit's
 * error without stopping the others, reports progress as core events ('job.progress', 'job.done'), and
 * cancels on request: no new unit is handed out, running ones stop at their next safe point.
 * `services` is the composition root's own object (typed loosely here only to keep the types acyclic).
 */
export function createJobRunner(ctx: CoreContext, services: () => unknown) {
  const jobs = new Map<string, Running>()
  const snapshot = (s: JobState): JobState => ({ ...s, errors: [...s.errors] })
  const emit = (type: string, s: JobState) => ctx.events.emitEvent({ type, payload: { ...snapshot(s), result: type === 'job.done' ? s.result : undefined } })

  async function start(kind: string, params: unknown): Promise<{ jobId: string; total: number }> {
    const def = JOB_KINDS[kind]
    if (!def) throw new UserError('UNKNOWN_JOB', `未知的任务类型：${kind}`, `Unknown job kind: ${kind}`)
    const units = await def.plan(services() as never, params)
    const state: JobState = {
      id: ctx.newId(), kind, status: 'running', done: 0, total: units.length, current: null, errors: [],
      startedAt: ctx.nowIso(), endedAt: null, result: null, failure: null,
    }
    const results: { unit: unknown; result: unknown }[] = []
    const labelOf = (index: number) => def.label?.(units[index]) ?? `#${index + 1}`
    // Units the workers finished, waiting for the kind's `commit` (main thread, one group at a time: what
    // finishes while a group is being recorded makes the next group).
    let pending: { index: number; unit: unknown; result: unknown }[] = []
    let committing: Promise<void> | null = null
    const commitPending = () => {
      if (committing || !pending.length) return
      const group = pending
      pending = []
      committing = def.commit!(services() as never, params, group)
        .then(
          (kept) => group.forEach((g, i) => results.push({ unit: g.unit, result: kept[i] })),
          (e) => group.forEach((g) => state.errors.push(unitError(labelOf(g.index), e))),
        )
        .then(() => {
          state.done += group.length
          emit('job.progress', state)
        })
        .finally(() => {
          committing = null
          commitPending()
        })
    }
    const init: WorkerInit = {
      kind, params,
      core: { dataDir: ctx.platform.dataDir, resourcesDir: ctx.platform.resourcesDir, version: ctx.platform.version, actor: ctx.platform.actor, clockOffsetMs: ctx.platform.now().getTime() - Date.now(), sqliteBinding: ctx.platform.sqliteBinding },
    }
    const threads = Math.max(1, Math.min(def.maxThreads ?? 2, availableParallelism(), units.length))
    const heapMb = typeof def.workerHeapMb === 'function' ? def.workerHeapMb(params) : def.workerHeapMb
    let nextIndex = 0
    const workers: Worker[] = []
    const settled = new Promise<JobState>((resolve) => {
      let alive = 0
      const finish = async () => {
        while (committing || pending.length) {
          commitPending()
          await committing
        }
        if (state.status === 'running') state.status = 'done'
        try {
          if (def.finish && !state.failure) state.result = await def.finish(services() as never, params, results, state.errors)
        } catch (e) {
          state.status = 'failed'
          state.failure = e instanceof UserError ? { code: e.code, message: e.message, messageEn: e.messageEn } : { code: 'JOB_FAILED', message: String(e), messageEn: String(e) }
        }
        state.endedAt = ctx.nowIso()
        state.current = null
        emit('job.done', state)
        resolve(snapshot(state))
      }
      if (units.length === 0) return void finish()
      const handOut = (w: Worker) => {
        if (state.status !== 'running' || nextIndex >= units.length) return w.postMessage({ type: 'stop' } satisfies ToWorker)
        const index = nextIndex++
        state.current = labelOf(index)
        w.postMessage({ type: 'unit', index, unit: units[index] } satisfies ToWorker)
      }
      for (let i = 0; i < threads; i++) {
        const w = new Worker(workerEntry(), { workerData: init, ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb, ...(def.workerYoungMb ? { maxYoungGenerationSizeMb: def.workerYoungMb } : {}) } } : {}) })
        workers.push(w)
        alive++
        w.on('message', (m: FromWorker) => {
          if (m.type === 'ready') handOut(w)
          else if (m.type === 'unit-done' && def.commit) {
            pending.push({ index: m.index, unit: units[m.index], result: m.result })
            commitPending()
            handOut(w)
          } else if (m.type === 'unit-done' || m.type === 'unit-error') {
            state.done++
            if (m.type === 'unit-done') results.push({ unit: units[m.index], result: m.result })
            else state.errors.push(m.error)
            emit('job.progress', state)
            handOut(w)
          } else if (m.type === 'progress' && units.length === 1) {
            Object.assign(state, { done: m.done, total: m.total, current: m.current ?? state.current })
            emit('job.progress', state)
          } else if (m.type === 'fatal') {
            state.status = 'failed'
            state.failure = m.error
          }
        })
        w.on('error', (e: Error) => {
          state.status = 'failed'
          state.failure = { code: 'WORKER_FAILED', message: `后台任务出错：${e.message}`, messageEn: `The background job failed: ${e.message}` }
        })
        w.on('exit', () => {
          if (--alive === 0) void finish()
        })
      }
    })
    jobs.set(state.id, { state, workers, settled })
    emit('job.progress', state)
    return { jobId: state.id, total: units.length }
  }

  const running = (id: string) => {
    const j = jobs.get(id)
    if (!j) throw notFound('任务', 'Job', id)
    return j
  }

  return {
    start,
    get: (id: string): JobState => snapshot(running(id).state),
    /** Resolves when the job has ended (CLI commands and tests wait on it). */
    wait: (id: string): Promise<JobState> => running(id).settled,
    cancel(id: string): JobState {
      const j = running(id)
      if (j.state.status === 'running') {
        j.state.status = 'cancelled'
        for (const w of j.workers) w.postMessage({ type: 'cancel' } satisfies ToWorker)
      }
      return snapshot(j.state)
    },
    list: (): JobState[] => [...jobs.values()].map((j) => snapshot(j.state)).reverse(),
  }
}

export type JobRunner = ReturnType<typeof createJobRunner>
export type { UnitError }
