import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { CoreEvent } from '../../electron/core/events'
import { importHeapMb } from '../../electron/core/import/job'
import { JOB_KINDS } from '../../electron/core/jobs/registry'
import { call, makeCore } from '../helpers/core'

/** The job runner through its channels, with the diagnostic echo job: real worker threads on the same store. */
it('runs units in workers on the same store, reports progress as events, and keeps going past a failed unit', async () => {
  const core = await makeCore()
  await core.services.seed(12, 1)
  const events: CoreEvent[] = []
  core.ctx.events.onEvent((e) => events.push(e))
  const { jobId, total } = await core.services.jobs.start('diagnostics.echo', { units: 6, failOn: [2, 5] })
  expect(total).toBe(6)
  const end = await core.services.jobs.wait(jobId)
  expect(end).toMatchObject({ status: 'done', done: 6, total: 6, result: { ok: 4, failed: 2, cases: 12 } })
  expect(end.errors.map((e) => [e.label, e.code]).sort()).toEqual([['#2', 'ECHO_FAILED'], ['#5', 'ECHO_FAILED']])
  expect(end.errors[0].message).toMatch(/按要求失败/)
  expect(events.filter((e) => e.type === 'job.progress').length).toBeGreaterThanOrEqual(6)
  expect(events.at(-1)).toMatchObject({ type: 'job.done', payload: { id: jobId, status: 'done' } })
  const viaChannel = await call(core, 'jobs.get', { id: jobId })
  expect(viaChannel).toMatchObject({ status: 'done', result: { ok: 4 } })
  expect((await call(core, 'jobs.list')).map((j: { id: string }) => j.id)).toContain(jobId)
  const missing = await core.dispatch('jobs.get', { id: 'nope' })
  expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  await core.close()
})

it('cancels: no further unit starts and the job ends as cancelled', async () => {
  const core = await makeCore()
  const { jobId } = await core.services.jobs.start('diagnostics.echo', { units: 40, delayMs: 100 })
  await new Promise((r) => setTimeout(r, 900))
  const after = await call(core, 'jobs.cancel', { id: jobId })
  expect(after.status).toBe('cancelled')
  const end = await core.services.jobs.wait(jobId)
  expect(end.status).toBe('cancelled')
  expect(end.done).toBeLessThan(40)
  expect((await core.dispatch('jobs.cancel', { id: 42 })).ok).toBe(false)
  await core.close()
})

it('a kind with commit records finished units on the main thread in groups; a failed group lists each of its units', async () => {
  const core = await makeCore()
  const { jobId } = await core.services.jobs.start('diagnostics.echo-grouped', { units: 30, failOn: [7], commitFailOn: [12] })
  const end = await core.services.jobs.wait(jobId)
  expect(end).toMatchObject({ status: 'done', done: 30, total: 30 })
  const result = end.result as { ok: number; failed: number }
  expect(result.ok + result.failed).toBe(30)
  const byCode = (code: string) => end.errors.filter((e) => e.code === code).map((e) => e.label)
  expect(byCode('ECHO_FAILED')).toEqual(['#7'])
  expect(byCode('ECHO_COMMIT_FAILED')).toContain('#12')
  expect(byCode('ECHO_COMMIT_FAILED')).not.toContain('#7')
  expect(end.errors[end.errors.length - 1].message).toMatch(/[\u4e00-\u9fff]/)
  await core.close()
})

it("a kind's workerHeapMb caps its workers' heaps, and kinds without it keep V8's default", async () => {
  const core = await makeCore()
  const run = async (kind: string) => ((await core.services.jobs.wait((await core.services.jobs.start(kind, { units: 2 })).jobId)).result as { heapLimitMb: number }).heapLimitMb
  const capped = await run('diagnostics.echo-grouped')
  const free = await run('diagnostics.echo')
  // The limit counts the young generation too, so it sits a little above the 96 MB old-space cap.
  expect(capped).toBeGreaterThanOrEqual(96)
  expect(capped).toBeLessThan(200)
  expect(free).toBeGreaterThan(capped * 2)
  // A kind may size the cap from the job's parameters (the import sizes it to its file).
  const sized = ((await core.services.jobs.wait((await core.services.jobs.start('diagnostics.echo-grouped', { units: 1, heapMb: 150 })).jobId)).result as { heapLimitMb: number }).heapLimitMb
  expect(sized).toBeGreaterThanOrEqual(150)
  expect(sized).toBeLessThan(capped + 100)
  expect(sized).toBeGreaterThan(capped + 40)
  // The young generation's cap reaches the worker too: the same old space, a smaller heap limit.
  const young = ((await core.services.jobs.wait((await core.services.jobs.start('diagnostics.echo-young', { units: 1, heapMb: 150 })).jobId)).result as { heapLimitMb: number }).heapLimitMb
  expect(young).toBeGreaterThanOrEqual(150)
  expect(young).toBeLessThan(sized - 20)
  await core.close()
})

it('the import job caps its worker by the size of its file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casedesk-heap-'))
  writeFileSync(join(dir, 'list.csv'), Buffer.alloc(5 * 2 ** 20 + 1))
  expect(JOB_KINDS['import.file'].workerHeapMb).toBe(importHeapMb)
  expect(JOB_KINDS['import.file'].workerYoungMb).toBe(16)
  expect(importHeapMb({ path: join(dir, 'list.csv') })).toBe(128 + 2 * 6)
  expect(importHeapMb({ path: join(dir, 'missing.csv') })).toBe(128)
})
