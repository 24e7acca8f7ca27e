import { RATE_6 } from './caps'
import {
  LINE_OVERDUE_FEE, LINE_OVERDUE_INTEREST, LINE_PENALTY, LINE_TERM_FEE, LINE_TERM_INTEREST, type RunState,
} from './run-state'

/**
 * Accrual over one period [a, b) in which no balance, rate or cap changes (conventions 2, 4, 5).
 * The caller cuts the timeline at every due date, payment, expense and cap change, so each period is
 * integrated in one multiplication instead of day by day.
 */

const NO_CAP = Number.POSITIVE_INFINITY

/** Cap (scaled) in force on `day`, and which cap period that is. */
function capOn(state: RunState, day: number): { cap: number; index: number } {
  const periods = state.setup.capPeriods
  if (periods === null) return { cap: NO_CAP, index: -1 }
  let index = 0
  while (index + 1 < periods.length && periods[index + 1].fromDay <= day) index++
  return { cap: periods[index].rate, index }
}

/**
 * Add the charges of [a, b) to the state. Term charges run on principal not yet due; overdue charges run on
 * each due-and-unpaid instalment at its own overdue rate; within each group the cap is filled in the order
 * interest → fees (term) and interest → penalty rate → fee rate (overdue, 第29条).
 */
export function accruePeriod(state: RunState, a: number, b: number): void {
  const s = state.setup
  const days = b - a
  if (days <= 0) return
  const rem = state.remaining
  while (state.dueCount < s.dueDays.length && s.dueDays[state.dueCount] <= a) state.dueCount++
  const k = state.dueCount
  const { cap, index: capIndex } = capOn(state, a)

  let termBase = 0
  for (let i = k; i < rem.length; i++) termBase += rem[i]
  if (termBase > 0) {
    const rT = Math.min(s.rateTerm, cap)
    const fT = Math.min(s.feeRateTerm, cap - rT)
    if (rT < s.rateTerm || fT < s.feeRateTerm) state.termCapped = true
    const baseDays = termBase * days
    if (rT > 0) {
      state.termInterest.add(rT, baseDays)
      if (s.collectLines) addLine(state, LINE_TERM_INTEREST, -1, a, b, termBase, rT, s.rateTerm, baseDays, false, capIndex)
    }
    if (fT > 0) {
      state.termFee.add(fT, baseDays)
      if (s.collectLines) addLine(state, LINE_TERM_FEE, -1, a, b, termBase, fT, s.feeRateTerm, baseDays, false, capIndex)
    }
  }
  if (k === 0) return

  // Overdue principal, grouped by overdue-rate rule (usually one group; several only for per-instalment LPR fallbacks).
  const oldRules = a < s.oldRulesUntilDay
  for (let r = 0; r < s.overdueRules.length; r++) {
    let base = 0
    for (let i = 0; i < k; i++) if (s.ruleOf[i] === r) base += rem[i]
    if (base === 0) continue
    const rule = s.overdueRules[r]
    const asked = rule.source === 'lpr' && oldRules ? RATE_6 : rule.rate
    const rO = Math.min(asked, cap)
    const p = Math.min(s.penaltyRate, cap - rO)
    const f = Math.min(s.feeRateOverdue, cap - rO - p)
    if (rO < asked || p < s.penaltyRate || f < s.feeRateOverdue) state.overdueCapped = true
    const baseDays = base * days
    if (rO > 0) {
      state.overdueInterest.add(rO, baseDays)
      if (s.collectLines) addLine(state, LINE_OVERDUE_INTEREST, r, a, b, base, rO, asked, baseDays, oldRules, capIndex)
    }
    if (p > 0) {
      state.penalty.add(p, baseDays)
      if (s.collectLines) addLine(state, LINE_PENALTY, r, a, b, base, p, s.penaltyRate, baseDays, oldRules, capIndex)
    }
    if (f > 0) {
      state.overdueFee.add(f, baseDays)
      if (s.collectLines) addLine(state, LINE_OVERDUE_FEE, r, a, b, base, f, s.feeRateOverdue, baseDays, oldRules, capIndex)
    }
    if (cap !== NO_CAP) {
      const room = cap - rO - p - f
      if (room > 0) state.headroom.add(room, baseDays)
    }
  }
}

/** Append a line, or extend the previous one when it ends at `a` with the same base and rate. */
function addLine(
  state: RunState, kind: number, rule: number, a: number, b: number, baseFen: number, rate: number, askedRate: number,
  fenDays: number, oldRules: boolean, capIndex: number,
): void {
  const key = kind + 8 * (rule + 1)
  const last = state.lastLine.get(key)
  if (last && last.toDay === a && last.baseFen === baseFen && last.rate === rate && last.askedRate === askedRate && last.capIndex === capIndex) {
    last.toDay = b
    last.fenDays += fenDays
    return
  }
  const line = { fromDay: a, toDay: b, baseFen, rate, askedRate, fenDays, kind, rule, oldRules, capIndex }
  state.lines.push(line)
  state.lastLine.set(key, line)
}
