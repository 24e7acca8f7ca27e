import type { ClaimCalculation, LprTableView } from '../../../shared/domain/calc'
import type { ClaimResult, CourtFeeResult } from '../../../shared/domain/claim'
import type { CoreContext } from '../context'
import { computeClaim, parseClaimInput } from '../law/claim'
import { courtFee } from '../law/court-fee'
import { importedLprTable, newerTable, saveImportedLprTable, shippedLprTable } from '../law/lpr-source'
import type { LprTable } from '../law/lpr'
import { claimInputForLoan } from './loan-input'


/**
 * The claim calculator as a service: by stored loan (the figures every letter, agreement and complaint use)
 * or with an explicit input; court fees; and the LPR table in force, replaceable by a user import.
 */
export function calcService(ctx: CoreContext) {
  let table: LprTable | undefined
  const lpr = async () => (table ??= newerTable(shippedLprTable(ctx.platform.resourcesDir), await importedLprTable(ctx.db.kysely)))

  return {
    lprTable: lpr,

    /** The table in force, newest quote first, and whether the user imported it. */
    async lprTableView(): Promise<LprTableView> {
      const shipped = shippedLprTable(ctx.platform.resourcesDir)
      const current = await lpr()
      return {
        source: current === shipped || current.rows.at(-1)!.effective === shipped.rows.at(-1)!.effective ? 'shipped' : 'imported',
        asOf: current.asOf,
        rows: [...current.rows].reverse().map((r) => ({ effective: r.effective, lpr1y: r.lpr1y, lpr5y: r.lpr5y })),
      }
    },

    async claimForLoan(loanId: string, asOf: string, filingDate?: string): Promise<ClaimCalculation> {
      const input = await claimInputForLoan(ctx.db.kysely, loanId, asOf, filingDate)
      return { input, result: computeClaim(parseClaimInput(input), await lpr()) }
    },

    async claim(raw: unknown): Promise<ClaimResult> {
      return computeClaim(parseClaimInput(raw), await lpr())
    },

    courtFee: (claimYuan: string): CourtFeeResult => courtFee(claimYuan),

    async importLprTable(json: unknown): Promise<{ rows: number; lastEffective: string; inForce: boolean }> {
      const imported = await ctx.db.kysely.transaction().execute((trx) => saveImportedLprTable(trx, json, ctx.platform.actor, ctx.nowIso()))
      table = undefined
      const current = await lpr()
      return { rows: imported.rows.length, lastEffective: imported.rows.at(-1)!.effective, inForce: current === imported || current.rows.at(-1)!.effective === imported.rows.at(-1)!.effective }
    },
  }
}
