import { expect, it } from 'vitest'
import { loadClaimInputs } from '../../electron/core/calc/bulk-inputs'
import { claimInputForLoan } from '../../electron/core/calc/loan-input'
import { makeCore } from '../helpers/core'

it('the bulk loader builds exactly the inputs the per-loan adapter builds', async () => {
  const core = await makeCore()
  await core.services.seed(150, 4)
  const bulk = loadClaimInputs(core.ctx.db.raw, '2026-06-30')
  expect(bulk).toHaveLength(150)
  for (const { loanId, input } of bulk) expect(input).toEqual(await claimInputForLoan(core.ctx.db.kysely, loanId, '2026-06-30'))
  // Repayments on or after the as-of date are left out of both.
  expect(bulk.some((b) => b.input.payments!.length > 0)).toBe(true)
  await core.close()
})
