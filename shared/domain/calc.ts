import { z } from 'zod'
import type { ClaimInputRaw, ClaimResult } from './claim'
import { legalDateSchema } from './claim'
import { id } from './fields'

/** `calc.claim`: a stored loan as of a date, or an explicit calculator input (validated by the engine). */
export const claimRequest = z.union([
  z.strictObject({ loanId: id, asOf: legalDateSchema, filingDate: legalDateSchema.optional() }),
  z.strictObject({ input: z.record(z.string(), z.unknown()) }),
])

export interface ClaimCalculation {
  /** The input the engine ran on (for a stored loan: built from the store), so a document can snapshot it. */
  input: ClaimInputRaw
  result: ClaimResult
}

export interface LprImportReport {
  rows: number
  lastEffective: string
  /** Whether the imported table is now the one in force (it runs later than the shipped one). */
  inForce: boolean
}

export interface LprTableView {
  /** 'shipped' (resources/data/lpr.json) or 'imported' by the user. */
  source: 'shipped' | 'imported'
  asOf: string
  rows: { effective: string; lpr1y: string; lpr5y: string }[]
}
