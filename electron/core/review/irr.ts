import Decimal from 'decimal.js'

/**
 * Internal rate of return per period, by bisection in decimal arithmetic (no float drift, always converges for a
 * loan: money out first, only money in afterwards, so the present value falls as the rate rises).
 */

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })

/** One inflow `amountFen` at whole period `period` (1 = one period after disbursement). */
export interface PeriodFlow {
  period: number
  amountFen: number
}

/**
 * The per-period rate x with Σ amount_k / (1 + x)^period_k = outlay. Returns null when there is nothing to solve
 * (no outlay, no inflows) or the answer is outside (-99 %, 1,000 %) per period.
 *
 * @example periodicIrr(1000_00, [{ period: 1, amountFen: 600_00 }, { period: 2, amountFen: 600_00 }]) // ≈ 0.1306624
 */
export function periodicIrr(outlayFen: number, inflows: readonly PeriodFlow[]): Decimal | null {
  if (outlayFen <= 0 || inflows.length === 0) return null
  const maxPeriod = Math.max(...inflows.map((f) => f.period))
  const byPeriod = new Array<Decimal>(maxPeriod + 1).fill(new D(0))
  for (const f of inflows) byPeriod[f.period] = byPeriod[f.period].plus(f.amountFen)
  const outlay = new D(outlayFen)
  // Present value of the inflows at rate x, by Horner's rule on v = 1/(1+x).
  const pv = (x: Decimal): Decimal => {
    const v = new D(1).dividedBy(x.plus(1))
    let acc = new D(0)
    for (let k = maxPeriod; k >= 1; k--) acc = acc.plus(byPeriod[k]).times(v)
    return acc
  }
  let lo = new D('-0.99'), hi = new D(10)
  if (pv(lo).lessThan(outlay) || pv(hi).greaterThan(outlay)) return null
  for (let i = 0; i < 80; i++) {
    const mid = lo.plus(hi).dividedBy(2)
    if (pv(mid).greaterThan(outlay)) lo = mid
    else hi = mid
  }
  return lo.plus(hi).dividedBy(2)
}

/** Annualise a periodic rate the way lenders disclose 年化利率: rate × periods per year (no compounding), 4 decimals. */
export function annualiseIrr(periodic: Decimal, periodsPerYear: Decimal.Value): string {
  return new D(periodic).times(periodsPerYear).toFixed(4, Decimal.ROUND_HALF_UP)
}
