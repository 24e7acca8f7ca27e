import { accruePeriod } from './accrual'
import { allocatePayment } from './allocation'
import { RunState, type ScenarioSetup } from './run-state'

/**
 * One pass over the loan's life from disbursement to asOf. The timeline is cut at every day on which something
 * changes (a due date, a payment, an expense, a cap or rule change); between cuts the balances and rates are
 * constant, so each stretch is integrated at once (accrual.ts). On a cut day, expenses and payments of that day
 * are applied before the day accrues (convention 2: interest for a day runs on the balance after its payments).
 */
export function runScenario(setup: ScenarioSetup): RunState {
  const state = new RunState(setup)
  const { startDay, endDay } = setup

  const cuts: number[] = []
  for (const d of setup.dueDays) if (d > startDay && d < endDay) cuts.push(d)
  for (const p of setup.payments) if (p.day > startDay && p.day < endDay) cuts.push(p.day)
  for (const e of setup.expenses) if (e.day > startDay && e.day < endDay) cuts.push(e.day)
  if (setup.capPeriods) for (const c of setup.capPeriods) if (c.fromDay > startDay && c.fromDay < endDay) cuts.push(c.fromDay)
  if (setup.oldRulesUntilDay > startDay && setup.oldRulesUntilDay < endDay) cuts.push(setup.oldRulesUntilDay)
  cuts.push(endDay)
  cuts.sort(ascending)

  applyDay(state, startDay)
  let cursor = startDay
  for (let c = 0; c < cuts.length; c++) {
    const day = cuts[c]
    if (day === cursor) continue
    accruePeriod(state, cursor, day)
    cursor = day
    applyDay(state, day)
  }
  return state
}

function ascending(x: number, y: number): number {
  return x - y
}

/** Book the expenses and payments dated `day`, then note the first overdue day if it is this one. */
function applyDay(state: RunState, day: number): void {
  const setup = state.setup
  while (state.nextExpense < setup.expenses.length && setup.expenses[state.nextExpense].day <= day) {
    state.expenseOwed.push(setup.expenses[state.nextExpense++].fen)
  }
  while (state.nextPayment < setup.payments.length && setup.payments[state.nextPayment].day <= day) {
    const p = setup.payments[state.nextPayment++]
    allocatePayment(state, p.day, p.fen, p.index)
  }
  // The first overdue day: an instalment due on or before this day is still unpaid after the day's payments.
  if (state.firstOverdueDay < 0 && day < setup.endDay) {
    for (let i = 0; i < setup.dueDays.length && setup.dueDays[i] <= day; i++) {
      if (state.remaining[i] > 0) {
        state.firstOverdueDay = day
        break
      }
    }
  }
}
