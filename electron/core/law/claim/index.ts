import type { ClaimInput, ClaimResult } from '../../../../shared/domain/claim'
import type { LprTable } from '../lpr'
import { prepare } from './prepare'
import { assemble } from './result'
import { runScenario } from './timeline'

export { parseClaimInput } from './validate'

export interface ComputeClaimOptions {
  /**
   * false: skip the explanatory lines (`lines` comes back empty) for batch recalculation of totals; every figure,
   * the cap, allocations and warnings are the same. Default true.
   */
  lines?: boolean
}

/**
 * What a borrower legally owes as of `input.asOf` (exclusive), to the fen, with its reasons (issue 3).
 * Pure: no I/O, no clock; the LPR table is passed in (electron/core/law/lpr.ts).
 *
 * Runs the loan's timeline twice — capped (what the law supports: disbursed principal, caps by regime and date)
 * and uncapped (contract amount and terms alone) — and reports components as yuan strings, the cap and its
 * basis, explanatory lines, how each payment was applied, and warnings.
 *
 * @throws UserError on bad input (impossible dates, payments after asOf or above everything owed, schedule dates
 *   before disbursement, negative amounts, percent-looking rates, a missing filing date where required) and for
 *   dates outside the LPR table (LPR_DATE_BEFORE_TABLE).
 * @example computeClaim(parseClaimInput(json), parseLprTable(lprJson)).total // "10234.56"
 */
export function computeClaim(input: ClaimInput, lpr: LprTable, options: ComputeClaimOptions = {}): ClaimResult {
  const p = prepare(input, lpr)
  if (options.lines === false) p.capped.collectLines = false
  const capped = runScenario(p.capped)
  const uncapped = runScenario(p.uncapped)
  return assemble(p, capped, uncapped)
}
