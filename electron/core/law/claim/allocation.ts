import { fromDayNumber } from '../../../../shared/domain/date'
import { fenToYuan } from '../../money/fen'
import { roundToSafeInteger } from '../../money/rounding'
import { UserError } from '../../errors'
import type { Accumulator } from './accumulator'
import type { RawAllocation, RunState } from './run-state'

/**
 * Payment allocation (convention 7, 民法典第561条): expenses → term interest → term fees → overdue interest →
 * penalty (rate, then flat) → overdue fees → principal, earliest-due instalment first. Only what accrued under the
 * cap is owed, so in the capped pass anything above it reaches principal by construction.
 *
 * Charges are exact numerators; a payment settles a charge by paying it rounded half-up to the fen, which is the
 * single rounding that charge ever gets. A partial payment leaves the exact remainder, so payments stay whole fen
 * and splitting a payment into two on the same day changes nothing.
 */

/** Pay up to `available` fen of a charge held as a numerator; returns [what is still owed, fen paid]. */
function settle(owed: bigint, available: number, den: bigint): [bigint, number] {
  if (owed === 0n || available === 0) return [owed, 0]
  const owedFen = roundToSafeInteger(owed, den)
  if (available >= owedFen) return [0n, owedFen]
  return [owed - BigInt(available) * den, available]
}

/** Pay up to `available` fen of an accumulated charge; returns the fen paid. */
function settleCharge(charge: Accumulator, available: number, den: bigint): number {
  if (available === 0) return 0
  const before = charge.value()
  const [owed, paid] = settle(before, available, den)
  if (owed !== before) charge.set(owed)
  return paid
}

/**
 * Apply one payment made on `day` (before that day's accrual). In the capped pass a payment larger than
 * everything owed that day (including principal not yet due) is bad input; in the uncapped pass the
 * excess cannot arise for valid input and is ignored.
 */
export function allocatePayment(state: RunState, day: number, fen: number, index: number): void {
  const s = state.setup
  const den = s.den
  let left = fen
  const a: RawAllocation = { day, index, fen, expenses: 0, termInterest: 0, termFees: 0, overdueInterest: 0, penaltyAndOverdueFees: 0, principal: 0 }

  for (let i = 0; i < state.expenseOwed.length && left > 0; i++) {
    const pay = Math.min(left, state.expenseOwed[i])
    state.expenseOwed[i] -= pay
    left -= pay
    a.expenses += pay
  }
  a.termInterest = settleCharge(state.termInterest, left, den)
  left -= a.termInterest
  a.termFees = settleCharge(state.termFee, left, den)
  left -= a.termFees
  a.overdueInterest = settleCharge(state.overdueInterest, left, den)
  left -= a.overdueInterest
  a.penaltyAndOverdueFees = settleCharge(state.penalty, left, den)
  left -= a.penaltyAndOverdueFees
  const flat = state.flatAvailable()
  if (flat > 0n && left > 0) {
    const [flatLeft, flatPaidFen] = settle(flat, left, den)
    state.flatPaid += flat - flatLeft
    left -= flatPaidFen
    a.penaltyAndOverdueFees += flatPaidFen
  }
  const feePaid = settleCharge(state.overdueFee, left, den)
  left -= feePaid
  a.penaltyAndOverdueFees += feePaid

  const rem = state.remaining
  for (let i = 0; i < rem.length && left > 0; i++) {
    const pay = Math.min(left, rem[i])
    rem[i] -= pay
    left -= pay
    a.principal += pay
  }
  state.allocations.push(a)

  if (left > 0 && s.capPeriods !== null) {
    const owed = fenToYuan(fen - left)
    const dateText = fromDayNumber(day)
    const f = `payments[${index}].amount`
    throw new UserError(
      'CLAIM_PAYMENT_EXCEEDS_OWED',
      `还款记录[${index + 1}].金额（${f}）${fenToYuan(fen)} 元超过 ${dateText} 当日全部应还款项 ${owed} 元（含未到期本金）`,
      `${f} ${fenToYuan(fen)} yuan exceeds everything owed on ${dateText} (${owed} yuan, including principal not yet due)`,
      { field: f, details: { owed } },
    )
  }
}
