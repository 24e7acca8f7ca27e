import { fromDayNumber } from '../../../../shared/domain/date'
import { fenToYuan } from '../../money/fen'
import { roundToSafeInteger } from '../../money/rounding'
import { UserError } from '../../errors'
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
  let paid: number
  ;[state.termInterest, paid] = settle(state.termInterest, left, den)
  left -= paid
  a.termInterest = paid
  ;[state.termFee, paid] = settle(state.termFee, left, den)
  left -= paid
  a.termFees = paid
  ;[state.overdueInterest, paid] = settle(state.overdueInterest, left, den)
  left -= paid
  a.overdueInterest = paid
  ;[state.penalty, paid] = settle(state.penalty, left, den)
  left -= paid
  a.penaltyAndOverdueFees = paid
  const flat = state.flatAvailable()
  if (flat > 0n && left > 0) {
    const [flatLeft, flatPaidFen] = settle(flat, left, den)
    state.flatPaid += flat - flatLeft
    left -= flatPaidFen
    a.penaltyAndOverdueFees += flatPaidFen
  }
  ;[state.overdueFee, paid] = settle(state.overdueFee, left, den)
  left -= paid
  a.penaltyAndOverdueFees += paid

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
