import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { buildPack } from '../../electron/core/evidence/packs/pack-case'
import { makeCore } from '../helpers/core'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { makePdf } from '../helpers/evidence-files'
import { tempDir } from '../helpers/temp'

/**
 * A cancel reaches a filing pack inside its case, not only between cases: at the checkpoint before the
 * documents and the one before the bundle the pack stops, removes the files it wrote, and says so.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let kase: { caseId: string; caseNo: string }

beforeAll(async () => {
  core = await makeCore()
  kase = await makeEvidenceCase(core, 1)
  core.ctx.db.raw.prepare("UPDATE cases SET stage = 'litigation', court = '杭州市西湖区人民法院'").run()
  await core.services.evidence.add({ caseId: kase.caseId, kind: 'contract', name: '借款合同', purpose: '证明借贷关系' }, [{ fileName: 'c.pdf', bytes: await makePdf(2) }])
}, 60_000)

const count = (table: 'documents' | 'evidence_bundles') => core.ctx.db.raw.prepare(`SELECT count(*) FROM ${table} WHERE case_id = ?`).pluck().get(kase.caseId)
/** A cancelled() that turns true at its n-th call. */
const cancelAt = (n: number) => {
  let calls = 0
  return () => ++calls >= n
}

it('cancelled before the documents: nothing written, nothing registered, no folder left', async () => {
  const out = tempDir()
  await expect(buildPack(core.services, kase.caseId, out, '2026-01-01', cancelAt(1))).rejects.toMatchObject({ code: 'JOB_CANCELLED' })
  expect(readdirSync(out)).toEqual([])
  expect(count('documents')).toBe(0)
  expect(count('evidence_bundles')).toBe(0)
}, 60_000)

it('cancelled after the documents: their files are removed from the pack folder, no bundle is built', async () => {
  const out = tempDir()
  await expect(buildPack(core.services, kase.caseId, out, '2026-01-01', cancelAt(2))).rejects.toMatchObject({ code: 'JOB_CANCELLED', messageEn: expect.stringContaining('Cancelled') })
  expect(existsSync(join(out, kase.caseNo))).toBe(false)
  expect(count('documents')).toBe(5) // generated documents stay registered on the case, as any generated document does
  expect(count('evidence_bundles')).toBe(0)
}, 60_000)

it('not cancelled: the whole pack', async () => {
  const out = tempDir()
  const r = await buildPack(core.services, kase.caseId, out, '2026-01-01', () => false)
  expect(readdirSync(r.dir).sort()).toEqual([`${kase.caseNo}-complaint.docx`, `${kase.caseNo}-complaint.pdf`, `${kase.caseNo}-evidence-list.pdf`, `${kase.caseNo}-power-of-attorney.pdf`, `${kase.caseNo}-service-address.pdf`, `${kase.caseNo}-证据材料.pdf`, `${kase.caseNo}-证据材料.zip`, '缺件清单.txt'].sort())
  expect(count('evidence_bundles')).toBe(1)
}, 60_000)
