import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewBatchResult } from '../../shared/domain/review'
import { call, expectRefused, makeCore } from '../helpers/core'

/**
 * `review.batch` through the dispatcher: files uploaded in chunks (import.upload, as the app does), reviewed in
 * worker threads, each stored as a review; a bad file is that file's error and the rest go on; cancel stops the
 * batch with what was reviewed so far stored and listed.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
const TABLES = ['contract_reviews', 'audit_log']
const fixture = (f: string) => readFileSync(`test/fixtures/contracts/${f}`)

async function upload(name: string, bytes: Uint8Array): Promise<string> {
  return (await call(core, 'import.upload', { name, chunkBase64: Buffer.from(bytes).toString('base64') })).uploadId
}

beforeEach(async () => {
  core = await makeCore()
})
afterEach(async () => {
  await core.close()
})

describe("'review.batch'", () => {
  it('reviews and stores every readable file, in the order given, listing each bad file with its reason', async () => {
    const ids = [
      await upload('01.txt', fixture('01-private-kantou-flawed.txt')),
      await upload('空白.txt', Buffer.from('   \n')),
      await upload('14.txt', fixture('14-lpr-basis-points-lump-penalty.txt')),
      await upload('合同.xls', Buffer.from('not a contract')),
      await upload('02.txt', fixture('02-licensed-clean.txt')),
    ]
    const { jobId, total } = await call(core, 'review.batch', { uploadIds: ids })
    expect(total).toBe(5)
    const end = await core.services.jobs.wait(jobId)
    expect(end.status).toBe('done')
    expect([...end.errors].sort((a, b) => a.label.localeCompare(b.label)).map((e) => [e.label, e.code])).toEqual([['合同.xls', 'REVIEW_UNSUPPORTED_FILE'], ['空白.txt', 'REVIEW_EMPTY_TEXT']])
    for (const e of end.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/)
    const result = end.result as ReviewBatchResult
    expect(result.failed).toBe(2)
    expect(result.items.map((i) => [i.name, i.critical, i.warning, i.info, i.allInAnnualCost])).toEqual([
      ['01.txt', 5, 3, 4, '0.4511'],
      ['14.txt', 1, 0, 1, '0.0645'],
      ['02.txt', 0, 0, 2, '0.1800'],
    ])
    // Each item is a stored review that opens like any other.
    const rows = core.ctx.db.raw.prepare('SELECT id, file_name, all_in_cost FROM contract_reviews ORDER BY file_name').all()
    expect(rows).toEqual(result.items.map((i) => ({ id: i.reviewId, file_name: i.name, all_in_cost: i.allInAnnualCost })).sort((a, b) => a.file_name.localeCompare(b.file_name)))
    // The staged uploads are gone; the reviewed files live on in the content store.
    expect(ids.filter((id) => existsSync(join(core.dataDir, 'imports', 'uploads', id)))).toEqual([])
    const first = await call(core, 'review.get', { id: result.items[0].reviewId })
    expect(Buffer.from(core.ctx.files.read(first.sha256)).equals(fixture('01-private-kantou-flawed.txt'))).toBe(true)
    const one = await call(core, 'review.get', { id: result.items[1].reviewId })
    expect(one.findings.map((f: { code: string }) => f.code)).toEqual(['OVERDUE_CHARGES_ABOVE_CAP', 'PROFESSIONAL_LENDING'])
  }, 120_000)

  it('cancels: no further file starts, the reviews stored so far are listed', async () => {
    const bytes = fixture('01-private-kantou-flawed.txt')
    const ids: string[] = []
    for (let i = 0; i < 400; i++) ids.push(await upload(`c${String(i).padStart(3, '0')}.txt`, bytes))
    const { jobId, total } = await call(core, 'review.batch', { uploadIds: ids, regime: 'private' })
    expect((await call(core, 'jobs.cancel', { id: jobId })).status).toBe('cancelled')
    const end = await core.services.jobs.wait(jobId)
    expect(end.status).toBe('cancelled')
    expect(end.done).toBeLessThan(total)
    const stored = core.ctx.db.raw.prepare('SELECT count(*) FROM contract_reviews').pluck().get()
    expect((end.result as ReviewBatchResult).items.length).toBe(stored)
  }, 120_000)

  it('refuses an unknown upload, an empty list or bad options before anything starts', async () => {
    const jobsBefore = core.services.jobs.list().length
    await expectRefused(core, TABLES, 'review.batch', { uploadIds: ['01J00000000000000000000000'] }, 'NOT_FOUND')
    await expectRefused(core, TABLES, 'review.batch', { uploadIds: [] }, 'INVALID_INPUT')
    await expectRefused(core, TABLES, 'review.batch', { uploadIds: ['../../etc'] }, 'INVALID_INPUT')
    const ok = await upload('01.txt', fixture('01-private-kantou-flawed.txt'))
    await expectRefused(core, TABLES, 'review.batch', { uploadIds: [ok], disbursed: '九千' }, 'INVALID_INPUT')
    await expectRefused(core, TABLES, 'review.batch', { uploadIds: [ok], contractDate: '2024-02-30' }, 'INVALID_INPUT')
    expect(core.services.jobs.list().length).toBe(jobsBefore)
  })
})
