import { parentPort, workerData } from 'node:worker_threads'
import { openCore } from '../services'
import './kinds'
import type { FromWorker, ToWorker, WorkerInit } from './protocol'
import { JOB_KINDS } from './registry'
import { unitError } from './unit-error'

/**
 * A job worker: opens its own connection to the store, then takes units one at a time from the runner
 * (pull, so two workers share the work evenly and a cancel stops handing out more).
 */
const init = workerData as WorkerInit
const port = parentPort!
const send = (m: FromWorker) => port.postMessage(m)
let cancelled = false
const queue: ToWorker[] = []
let wake: (() => void) | null = null

port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') cancelled = true
  queue.push(m)
  wake?.()
})

const next = () =>
  new Promise<ToWorker>((resolve) => {
    const take = () => {
      const m = queue.shift()
      if (m) resolve(m)
      else wake = take
    }
    take()
  })

async function main() {
  const def = JOB_KINDS[init.kind]
  const { sqliteBinding, ...opts } = init.core
  const core = await openCore({ ...opts, now: () => new Date(Date.now() + init.core.clockOffsetMs), db: sqliteBinding ? { nativeBinding: sqliteBinding } : undefined })
  try {
    send({ type: 'ready' })
    for (;;) {
      const m = await next()
      if (m.type === 'stop' || m.type === 'cancel') break
      if (m.type !== 'unit') continue
      try {
        const result = await def.runUnit(
          { services: core.services, params: init.params, cancelled: () => cancelled, progress: (done, total, current) => send({ type: 'progress', done, total, current }) },
          m.unit,
        )
        send({ type: 'unit-done', index: m.index, result })
      } catch (e) {
        send({ type: 'unit-error', index: m.index, error: unitError(def.label?.(m.unit) ?? `#${m.index + 1}`, e) })
      }
    }
  } finally {
    await core.close()
  }
}

main()
  .catch((e) => send({ type: 'fatal', error: { code: 'WORKER_FAILED', message: `后台任务出错：${(e as Error)?.message ?? e}`, messageEn: `The background job failed: ${(e as Error)?.message ?? e}` } }))
  // The open port keeps the thread alive; closing it lets the worker exit once its work is done.
  .finally(() => port.close())
