import { z } from 'zod'
import type { ClaimCalculation, LprImportReport, LprTableView } from '../../domain/calc'
import { claimRequest } from '../../domain/calc'
import type { CourtFeeResult } from '../../domain/claim'
import { courtFeeInputSchema } from '../../domain/claim'
import { channel, none } from '../channel'

const lprImport = z.strictObject({ table: z.unknown() })

/** The claim calculator, court fees and the LPR table. */
export const calcChannels = {
  'calc.claim': channel<typeof claimRequest, ClaimCalculation>(claimRequest, 'What is legally claimable on a date, with its reasons: for a stored loan ({loanId, asOf, filingDate?}) or an explicit calculator input ({input}).'),
  'calc.courtFee': channel<typeof courtFeeInputSchema, CourtFeeResult>(courtFeeInputSchema, '诉讼费 for a money claim: full, half, payment order, preservation.'),
  'settings.lprTable': channel<typeof none, LprTableView>(none, 'The LPR table in force: where it came from and its rows, newest first.'),
  'settings.importLprTable': channel<typeof lprImport, LprImportReport>(lprImport, 'Import a newer LPR table (validated); it is used from then on when it runs later than the shipped one.'),
} as const
