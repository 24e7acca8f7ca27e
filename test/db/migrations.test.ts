import { describe, expect, it } from 'vitest'
import { openDb } from '../../electron/core/db/open'
import { LATEST_MIGRATION } from '../../electron/core/db/migrations'
import { tempDbFile } from '../helpers/temp'

describe('migrations', () => {
  it('replay on an empty file DB in WAL mode and give the committed schema', async () => {
    const db = await openDb(tempDbFile())
    expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1)
    const rows = db.raw
      .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND sql IS NOT NULL ORDER BY type, name`)
      .all() as { type: string; name: string; sql: string }[]
    const schema = rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.replace(/\s+\n/g, '\n')};`).join('\n\n') + '\n'
    await expect(schema).toMatchFileSnapshot('./schema.snapshot.sql')
    const applied = db.raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
    expect(applied.at(-1)?.name).toBe(LATEST_MIGRATION)
    await db.close()
  })

  it('are idempotent: opening the same file again changes nothing', async () => {
    const file = tempDbFile()
    const a = await openDb(file)
    const before = a.raw.prepare('SELECT count(*) n FROM sqlite_master').get()
    await a.close()
    const b = await openDb(file)
    expect(b.raw.prepare('SELECT count(*) n FROM sqlite_master').get()).toEqual(before)
    await b.close()
  })

  it('CHECK constraints refuse negative money, impossible dates and unknown stages', async () => {
    const db = await openDb(':memory:')
    const now = '2026-01-01T00:00:00Z'
    const ins = db.raw.prepare(`INSERT INTO lenders (id, name, regime, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
    ins.run('L1', '某小贷', 'licensed', now, now)
    expect(() => ins.run('L2', 'x', 'bank', now, now)).toThrow(/CHECK/)
    const b = db.raw.prepare(`INSERT INTO borrowers (id, name, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
    expect(() => b.run('B1', '张三', '1990-02-30', now, now)).toThrow(/CHECK/)
    b.run('B1', '张三', '1990-02-28', now, now)
    const loan = db.raw.prepare(`INSERT INTO loans (id, lender_id, borrower_id, contract_no, contract_date, contract_amount_fen,
      disbursed_amount_fen, disbursement_date, repayment_method, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
    expect(() => loan.run('N1', 'L1', 'B1', 'HT1', '2024-01-01', -1, 0, '2024-01-01', 'bullet', now, now)).toThrow(/CHECK/)
    expect(() => loan.run('N1', 'L1', 'B1', 'HT1', '2024-01-01', 10.5, 0, '2024-01-01', 'bullet', now, now)).toThrow(/CHECK/)
    expect(() => loan.run('N1', 'NOPE', 'B1', 'HT1', '2024-01-01', 100, 100, '2024-01-01', 'bullet', now, now)).toThrow(/FOREIGN KEY/)
    await db.close()
  })
})
