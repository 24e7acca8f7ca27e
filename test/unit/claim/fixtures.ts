import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ClaimInput } from '../../../shared/domain/claim'
import { parseLprTable, type LprTable } from '../../../electron/core/law/lpr'

/** The LPR table shipped with the app (resources/data/lpr.json), as the engine receives it. */
export const LPR: LprTable = parseLprTable(JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/data/lpr.json', import.meta.url)), 'utf8')))

/** A plain private loan of 10,000 yuan, one bullet instalment; each test overrides what it is about. */
export function loan(over: Partial<ClaimInput> = {}): ClaimInput {
  return {
    regime: 'private',
    contractDate: '2024-01-10',
    disbursementDate: '2024-01-10',
    contractAmount: '10000.00',
    disbursedAmount: '10000.00',
    schedule: [{ dueDate: '2025-01-10', principal: '10000.00' }],
    payments: [],
    expenses: [],
    asOf: '2024-07-10',
    ...over,
  }
}

/** Yuan string → integer fen, for sums in assertions. */
export const fen = (yuan: string): number => Math.round(Number(yuan) * 100)
