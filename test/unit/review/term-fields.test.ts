import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseLprTable } from '../../../electron/core/law/lpr'
import { reviewContract } from '../../../electron/core/review/review'
import type { FeeValue } from '../../../electron/core/review/types'
import { feeDraft, feeValue, listCorrections, penaltyDraft, penaltyValue, readFields, TERM_FIELDS } from '../../../renderer/src/features/review/term-fields'

/**
 * The term form's corrections (renderer/src/features/review/term-fields.ts) fed to the real reviewer: what the form
 * sends must produce the list the user sees, and each field reads back what it wrote.
 */
const lpr = parseLprTable(JSON.parse(readFileSync('resources/data/lpr.json', 'utf8')))
const FLAWED = readFileSync('test/fixtures/contracts/01-private-kantou-flawed.txt', 'utf8')

describe('term form corrections', () => {
  it('edits, removes and adds list entries relative to the current list; the reviewer ends with exactly the edited list', () => {
    const stored = [{ term: 'fees' as const, index: 1, value: { name: '管理费', amountFen: 5_000, per: 'month', deductedAtDisbursement: false, overdue: false } as FeeValue }]
    const current = reviewContract(FLAWED, { corrections: stored }, lpr).terms.fees.map((f) => f.value)
    expect(current.map((f) => f.name)).toEqual(['服务费', '管理费'])
    const edited = [feeValue({ ...feeDraft(current[0]), deducted: false })!, null]
    const added = [feeValue({ name: '会员费', amount: '199', fraction: '', per: 'once', deducted: false, overdue: false })!]
    const next = [...stored, ...listCorrections('fees', current, edited, added)]
    const after = reviewContract(FLAWED, { corrections: next }, lpr)
    expect(after.terms.fees.map((f) => [f.value.name, f.value.amountFen, f.value.deductedAtDisbursement, f.start > 0])).toEqual([['服务费', 100_000, false, true], ['会员费', 19_900, false, false]])
  })

  it('an unchanged list sends nothing, whatever the key order of the stored values', () => {
    const fee = { overdue: false, deductedAtDisbursement: true, per: 'once', amountFen: 100, name: '服务费' } as FeeValue
    expect(listCorrections('fees', [fee], [feeValue(feeDraft(fee))!], [])).toEqual([])
  })

  it('a penalty keeps how its rate was written unless changed; amounts and shares become lump sums', () => {
    const r = reviewContract(FLAWED, {}, lpr).terms.penalty[0].value
    expect(penaltyValue(penaltyDraft(r), r)).toEqual(r)
    expect(penaltyValue({ kind: 'amount', figure: '500' })).toEqual({ amountFen: 50_000 })
    expect(penaltyValue({ kind: 'fraction', figure: '0.2' })).toEqual({ fractionOfPrincipal: '0.2' })
    expect(penaltyValue({ kind: 'amount', figure: '五百' })).toBeUndefined()
  })

  it('every single-valued field reads back what it parses (the fixture contract’s own values)', () => {
    const terms = reviewContract(FLAWED, {}, lpr).terms
    const inputs = readFields(terms)
    for (const f of TERM_FIELDS) {
      const first = (terms[f.term] as { value: unknown }[])[0]
      const parsed = f.parse(inputs)
      if (first === undefined) expect(parsed, f.term).toBeNull()
      else if (f.term === 'interestRate' || f.term === 'overdueRate') expect((parsed as { annual: string }).annual, f.term).toBe((first.value as { annual: string }).annual)
      else expect(parsed, f.term).toEqual(first.value)
    }
    expect(TERM_FIELDS.find((f) => f.term === 'lender')!.parse({ lenderName: '王五', lenderCode: '320102197001014417' })).toEqual({ name: '王五', idNumber: '320102197001014417' })
    expect(TERM_FIELDS.find((f) => f.term === 'borrower')!.parse({ borrowerName: '张三', borrowerId: '12345' })).toBeUndefined()
  })
})
