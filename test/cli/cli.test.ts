import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it, vi } from 'vitest'
import { casedesk } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

// Each call starts a fresh process that compiles the core through tsx: give them room on a busy machine.
vi.setConfig({ testTimeout: 120_000 })

let dir: string
beforeAll(() => {
  dir = tempDir()
  const r = casedesk('seed', '--cases', '120', '--seed', '9', '--data-dir', dir, '--json')
  expect(r.code, r.stderr).toBe(0)
  expect(r.json()).toMatchObject({ cases: 120, seed: 9 })
})

it('cases list prints exactly one JSON array of the documented rows, options before or after the command', () => {
  const a = casedesk('--data-dir', dir, '--json', 'cases', 'list', '--stage', '催收', '--limit', '5')
  expect(a.code, a.stderr).toBe(0)
  const rows = a.json()
  expect(rows.length).toBeGreaterThan(0)
  expect(rows.length).toBeLessThanOrEqual(5)
  for (const r of rows) {
    expect(Object.keys(r).sort()).toEqual(['borrowerName', 'caseNo', 'daysPastDue', 'id', 'principalOutstandingFen', 'stage'])
    expect(r.stage).toBe('collection')
    expect(Number.isInteger(r.principalOutstandingFen)).toBe(true)
  }
  const b = casedesk('cases', 'list', '--search', rows[0].borrowerName, '--data-dir', dir, '--json')
  expect(b.json().map((r: { id: string }) => r.id)).toContain(rows[0].id)
  const show = casedesk('cases', 'show', rows[0].id, '--data-dir', dir, '--json')
  expect(show.json()).toMatchObject({ id: rows[0].id, borrower: { name: rows[0].borrowerName }, loans: [{ borrowerId: expect.any(String) }] })
})

it('validate reports reasons in the documented order and shape', () => {
  expect(casedesk('validate', 'id-number', '11010519491231002x', '--json').json()).toEqual({ valid: true, reason: null, birthDate: '1949-12-31', sex: 'female' })
  expect(casedesk('validate', 'id-number', '110105194902300021', '--json').json()).toEqual({ valid: false, reason: 'bad_birth_date', birthDate: null, sex: null })
  expect(casedesk('--json', 'validate', 'credit-code', '91350100M000100Y4O').json()).toEqual({ valid: false, reason: 'illegal_character' })
})

it('exit codes: 2 for bad usage, 1 for a user error with the message on stderr, nothing on stdout', () => {
  const usage = casedesk('cases', 'list', '--limit', 'many', '--data-dir', dir, '--json')
  expect(usage.code).toBe(2)
  expect(usage.stdout).toBe('')
  expect(casedesk('frobnicate').code).toBe(2)
  const missing = casedesk('cases', 'show', 'NO-SUCH-CASE', '--data-dir', dir, '--json')
  expect(missing.code).toBe(1)
  expect(missing.stdout).toBe('')
  expect(missing.stderr).toContain('未找到案件')
  expect(missing.stderr).toContain('Case not found')
})

it('db check, audit verify, backup and restore work on the same store', () => {
  expect(casedesk('db', 'check', '--data-dir', dir, '--json').json()).toMatchObject({ ok: true, integrity: ['ok'], migrations: { upToDate: true } })
  expect(casedesk('audit', 'verify', '--data-dir', dir, '--json').json()).toMatchObject({ ok: true, firstBroken: null })
  const file = join(tempDir(), 'backup.db')
  expect(casedesk('backup', '--out', file, '--data-dir', dir, '--json').code).toBe(0)
  expect(existsSync(file)).toBe(true)
  const other = tempDir()
  const restored = casedesk('restore', file, '--data-dir', other, '--json')
  expect(restored.code, restored.stderr).toBe(0)
  expect(casedesk('cases', 'list', '--limit', '500', '--data-dir', other, '--json').json()).toHaveLength(120)
})

it('calc FILE.json prints the engine result; court-fee prints the fees; bad input exits 1 naming the field', () => {
  // Private loan, contract 2023-03-01: cap 4 × LPR 3.65% = 14.6%. 9,000 disbursed of 10,000 (砍头息).
  // Term: 9,000 × 0.146 × 92/365 = 331.20, all paid by the 500 of 2023-06-01; 168.80 of it reduces principal to 8,831.20.
  // Then 8,831.20 × 0.146 × 92/365 = 324.99 term, × 182/365 (to 2024-03-01, a leap February) = 642.91 overdue.
  const file = join(tempDir(), 'calc.json')
  writeFileSync(file, JSON.stringify({
    regime: 'private', contractDate: '2023-03-01', disbursementDate: '2023-03-01', contractAmount: '10000', disbursedAmount: '9000',
    rateTerm: '0.24', rateOverdue: '0.36', schedule: [{ dueDate: '2023-09-01', principal: '10000' }], payments: [{ date: '2023-06-01', amount: '500' }], asOf: '2024-03-01',
  }))
  const r = casedesk('calc', file, '--json')
  expect(r.code, r.stderr).toBe(0)
  expect(r.json()).toMatchObject({ principalOutstanding: '8831.20', termInterest: '324.99', overdueInterest: '642.91', total: '9799.10', cap: { annualRate: '0.146' } })
  expect(casedesk('court-fee', '--claim', '9799.10', '--json').json()).toEqual({ fullFee: '50.00', fullFeeYuan: '50', halfFee: '25.00', paymentOrderFee: '16.67', preservationFee: '117.99' })
  writeFileSync(file, JSON.stringify({ regime: 'private', contractDate: '2023-03-01', disbursementDate: '2023-03-01', contractAmount: '10000', disbursedAmount: '9000', rateTerm: '24', schedule: [{ dueDate: '2023-09-01', principal: '10000' }], asOf: '2024-03-01' }))
  const bad = casedesk('calc', file, '--json')
  expect(bad.code).toBe(1)
  expect(bad.stderr).toContain('rateTerm')
  expect(bad.stdout).toBe('')
})
