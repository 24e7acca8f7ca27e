import { yuanProblem, type CourtFeeResult } from '../../../shared/domain/claim'
import { UserError } from '../errors'
import { fenToYuan, yuanToFenOrNull } from '../money/fen'
import { divRoundHalfUp } from '../money/rounding'

/**
 * Court fees for a money claim (LEGAL-RULES.md §D.2–D.4), exact to the fen.
 * 诉讼费用交纳办法 第13条(一): the case acceptance fee is progressive and cumulative by portion of the claim.
 * Work unit: fen × ‰ (a thousandth of a fen), in which every band's fee is an exact integer, so halves and thirds
 * are taken of the unrounded fee and each figure is rounded once, half-up.
 */

/** 第13条(一): [upper bound of the portion in yuan (null = no bound), rate in ‰]. The first 10,000 yuan is a flat 50. */
const CASE_FEE_BANDS: ReadonlyArray<readonly [number | null, number]> = [
  [100_000, 25],
  [200_000, 20],
  [500_000, 15],
  [1_000_000, 10],
  [2_000_000, 9],
  [5_000_000, 8],
  [10_000_000, 7],
  [20_000_000, 6],
  [null, 5],
]
const FLAT_UP_TO_YUAN = 10_000
const FLAT_FEE_YUAN = 50

/** 第14条(二): 30 yuan covers the first 1,000; 1% up to 100,000; 0.5% above; at most 5,000 yuan. */
const PRESERVATION_FLAT_UP_TO_YUAN = 1_000
const PRESERVATION_FLAT_YUAN = 30
const PRESERVATION_BANDS: ReadonlyArray<readonly [number | null, number]> = [
  [100_000, 10],
  [null, 5],
]
const PRESERVATION_MAX_YUAN = 5_000

const YUAN_IN_UNITS = 100n * 1000n // 1 yuan = 100 fen = 100,000 fen·‰

/** Flat amount for the first `flatUpTo` yuan, then each band's ‰ rate on the portion inside it; in fen·‰. */
function progressive(claimFen: bigint, flatUpToYuan: number, flatYuan: number, bands: ReadonlyArray<readonly [number | null, number]>): bigint {
  let units = BigInt(flatYuan) * YUAN_IN_UNITS
  let lower = BigInt(flatUpToYuan) * 100n
  for (const [upperYuan, permille] of bands) {
    if (claimFen <= lower) break
    const upper = upperYuan === null ? claimFen : BigInt(upperYuan) * 100n
    const portion = (claimFen < upper ? claimFen : upper) - lower
    units += portion * BigInt(permille)
    lower = upper
  }
  return units
}

/** The unrounded case acceptance fee of a property case, in fen·‰ (1/100,000 yuan). */
export function caseFeeUnits(claimFen: bigint): bigint {
  return progressive(claimFen, FLAT_UP_TO_YUAN, FLAT_FEE_YUAN, CASE_FEE_BANDS)
}

/** The preservation application fee, in fen·‰, capped at 5,000 yuan. */
export function preservationFeeUnits(claimFen: bigint): bigint {
  const units = progressive(claimFen, PRESERVATION_FLAT_UP_TO_YUAN, PRESERVATION_FLAT_YUAN, PRESERVATION_BANDS)
  const max = BigInt(PRESERVATION_MAX_YUAN) * YUAN_IN_UNITS
  return units < max ? units : max
}

/**
 * Court fees for a money claim of `claimYuan` (a positive yuan string, ≤ 2 decimals):
 * - fullFee: 第13条(一) case acceptance fee, to the fen; fullFeeYuan: the same rounded half-up to whole yuan;
 * - halfFee: half (第15条 mediation / withdrawal, 第16条 simplified procedure, which small claims use);
 * - paymentOrderFee: one third (第14条(三) 支付令 application);
 * - preservationFee: 第14条(二) property preservation.
 * Halves and thirds are of the unrounded fee; every figure is rounded once, half-up.
 * @throws UserError COURT_FEE_CLAIM_INVALID for a malformed, negative or zero claim.
 * @example courtFee('100000').fullFee // "2300.00"
 */
export function courtFee(claimYuan: string): CourtFeeResult {
  const fen = typeof claimYuan === 'string' ? yuanToFenOrNull(claimYuan) : null
  if (fen === null || fen === 0) {
    const problem = typeof claimYuan === 'string' ? yuanProblem(claimYuan) : 'CLAIM_AMOUNT_FORMAT'
    throw new UserError(
      'COURT_FEE_CLAIM_INVALID',
      `诉讼请求金额（claim）应为大于 0、最多两位小数的元数，收到 ${JSON.stringify(claimYuan)}`,
      `claim must be a positive amount in yuan with at most 2 decimals, got ${JSON.stringify(claimYuan)}`,
      { field: 'claim', details: { problem: problem ?? 'zero' } },
    )
  }
  const claim = BigInt(fen)
  const units = caseFeeUnits(claim)
  const toFen = (u: bigint, divisor: bigint) => fenToYuan(divRoundHalfUp(u, 1000n * divisor))
  return {
    fullFee: toFen(units, 1n),
    fullFeeYuan: divRoundHalfUp(units, YUAN_IN_UNITS).toString(),
    halfFee: toFen(units, 2n),
    paymentOrderFee: toFen(units, 3n),
    preservationFee: toFen(preservationFeeUnits(claim), 1n),
  }
}
