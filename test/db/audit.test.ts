import { expect, it } from 'vitest'
import { call, makeCore } from '../helpers/core'

it('every write appends a chained entry; reveals are logged; tampering is found and named', async () => {
  const core = await makeCore()
  const raw = core.ctx.db.raw
  const lender = await call(core, 'lenders.create', { name: '武汉启明投资管理有限公司', regime: 'private' })
  const b = await call(core, 'borrowers.create', { name: '周芳', idNumber: '11010519491231002X', phones: [{ phone: '13700001111' }] })
  await call(core, 'lenders.update', { id: lender.id, patch: { phone: '027-1234567' } })
  await call(core, 'borrowers.reveal', { id: b.id, field: 'phones' })
  const entries = raw.prepare('SELECT seq, actor, entity, action, diff_json, prev_hash, hash FROM audit_log ORDER BY seq').all() as { seq: number; actor: string; entity: string; action: string; diff_json: string; prev_hash: string; hash: string }[]
  expect(entries.map((e) => `${e.entity}.${e.action}`)).toEqual(['lender.create', 'borrower.create', 'lender.update', 'borrower.reveal'])
  expect(entries.every((e) => e.actor === 'tester')).toBe(true)
  expect(entries[0].prev_hash).toBe('0'.repeat(64))
  for (let i = 1; i < entries.length; i++) expect(entries[i].prev_hash).toBe(entries[i - 1].hash)
  expect(JSON.parse(entries[2].diff_json)).toEqual({ phone: [null, '027-1234567'] })
  // The borrower's full ID number never lands in the log.
  expect(entries[1].diff_json).not.toContain('11010519491231002X')
  expect(await call(core, 'audit.verify')).toEqual({ ok: true, entries: 4, firstBroken: null })

  // The log refuses edits through SQL …
  expect(() => raw.prepare(`UPDATE audit_log SET actor = 'x' WHERE seq = 2`).run()).toThrow(/append-only/)
  expect(() => raw.prepare(`DELETE FROM audit_log WHERE seq = 2`).run()).toThrow(/append-only/)
  // … and an edit made around the triggers is found, at the right entry.
  raw.exec('DROP TRIGGER audit_log_no_update')
  raw.prepare(`UPDATE audit_log SET diff_json = '{"phone":[null,"0"]}' WHERE seq = 3`).run()
  expect(await call(core, 'audit.verify')).toEqual({ ok: false, entries: 3, firstBroken: { seq: 3, reason: 'hash_mismatch' } })
  await core.close()
})
