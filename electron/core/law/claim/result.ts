import type { ClaimComponents, ClaimLine, ClaimLineKind, ClaimResult, ClaimWarning } from '../../../../shared/domain/claim'
import { fenNumberToYuan } from '../../money/fen'
import { formatRate } from '../../money/rate'
import { roundProductToSafeInteger, roundToSafeInteger } from '../../money/rounding'
import { EXPENSE_BASIS, flatPenaltyBasis, lineBasis } from './basis'
import { dayText } from './days'
import type { Prepared } from './prepare'
import type { RawLine, RunState } from './run-state'

/** Turning the exact state of the two passes into the reported result (convention 1: round once, half-up). */

const KIND_NAMES: ClaimLineKind[] = ['termInterest', 'termFee', 'overdueInterest', 'penalty', 'overdueFee', 'penaltyFlat', 'expense']

/** The six components, each rounded once from its exact value, and their sum. */
export function components(state: RunState): ClaimComponents {
  const den = state.setup.den
  let principal = 0
  for (const r of state.remaining) principal += r
  let expenses = 0
  for (const e of state.expenseOwed) expenses += e
  const termInterest = roundToSafeInteger(state.termInterest.value(), den)
  const termFees = roundToSafeInteger(state.termFee.value(), den)
  const overdueInterest = roundToSafeInteger(state.overdueInterest.value(), den)
  const penaltyAndFees = roundToSafeInteger(state.penalty.value() + state.flatAvailable() + state.overdueFee.value(), den)
  const total = principal + expenses + termInterest + termFees + overdueInterest + penaltyAndFees
  return {
    principalOutstanding: fenNumberToYuan(principal),
    termInterest: fenNumberToYuan(termInterest),
    termFees: fenNumberToYuan(termFees),
    overdueInterest: fenNumberToYuan(overdueInterest),
    penaltyAndOverdueFees: fenNumberToYuan(penaltyAndFees),
    expenses: fenNumberToYuan(expenses),
    total: fenNumberToYuan(total),
  }
}

/**
 * The explanatory lines, in date order. Accrual lines come out of the timeline already ordered by start day;
 * the flat penalty and the expenses are merged in. Lines of one kind usually share one rate, so the basis text
 * of the previous line of the same kind is reused before asking the memo.
 */
function explainLines(p: Prepared, state: RunState): ClaimLine[] {
  const s = state.setup
  const lines: ClaimLine[] = []
  const fromDays: number[] = []
  const lastByKind: Array<{ raw: RawLine; zh: string; en: string } | undefined> = []
  for (const l of state.lines) {
    const slot = l.kind + 8 * (l.rule + 1)
    let b = lastByKind[slot]
    if (b === undefined || b.raw.rate !== l.rate || b.raw.askedRate !== l.askedRate || b.raw.oldRules !== l.oldRules || b.raw.capIndex !== l.capIndex) {
      const basis = lineBasis(l, l.rule >= 0 ? s.overdueRules[l.rule] : undefined, p.plan)
      b = { raw: l, zh: basis.zh, en: basis.en }
      lastByKind[slot] = b
    }
    fromDays.push(l.fromDay)
    lines.push({
      from: dayText(l.fromDay), to: dayText(l.toDay), days: l.toDay - l.fromDay, base: fenNumberToYuan(l.baseFen), rate: formatRate(l.rate),
      amount: fenNumberToYuan(roundProductToSafeInteger(l.fenDays, l.rate, s.den, s.denNumber)), kind: KIND_NAMES[l.kind], basis: b.zh, basisEn: b.en,
    })
  }
  const extra: Array<{ fromDay: number; line: ClaimLine }> = []
  if (s.penaltyFlatFen > 0 && state.firstOverdueDay >= 0) {
    const full = BigInt(s.penaltyFlatFen) * s.den
    const room = state.headroom.value()
    const allowed = full <= room ? full : room
    const agreed = fenNumberToYuan(s.penaltyFlatFen)
    const amount = fenNumberToYuan(roundToSafeInteger(allowed, s.den))
    const b = flatPenaltyBasis(agreed, amount, allowed < full)
    extra.push({
      fromDay: state.firstOverdueDay,
      line: {
        from: dayText(state.firstOverdueDay), to: dayText(s.endDay), days: s.endDay - state.firstOverdueDay, base: agreed, rate: null, amount,
        kind: 'penaltyFlat', basis: b.zh, basisEn: b.en,
      },
    })
  }
  for (const e of s.expenses) {
    const yuan = fenNumberToYuan(e.fen)
    extra.push({ fromDay: e.day, line: { from: dayText(e.day), to: dayText(e.day), days: 0, base: yuan, rate: null, amount: yuan, kind: 'expense', basis: EXPENSE_BASIS.zh, basisEn: EXPENSE_BASIS.en } })
  }
  if (extra.length === 0) return lines
  extra.sort((x, y) => x.fromDay - y.fromDay)
  // Stable merge: an extra line goes after the accrual lines that start on the same day.
  const out: ClaimLine[] = []
  let j = 0
  for (let i = 0; i < lines.length; i++) {
    while (j < extra.length && extra[j].fromDay < fromDays[i]) out.push(extra[j++].line)
    out.push(lines[i])
  }
  while (j < extra.length) out.push(extra[j++].line)
  return out
}

function runtimeWarnings(p: Prepared, state: RunState): ClaimWarning[] {
  const w: ClaimWarning[] = []
  if (state.termCapped || state.overdueCapped) {
    w.push({
      code: 'CLAIM_RATE_ABOVE_CAP',
      message: `约定的${state.termCapped ? '借期内' : ''}${state.termCapped && state.overdueCapped ? '及' : ''}${state.overdueCapped ? '逾期' : ''}利率、费率合计超过法定上限，超过部分不予支持，已按上限计算`,
      messageEn: `The agreed ${state.termCapped ? 'term' : ''}${state.termCapped && state.overdueCapped ? ' and ' : ''}${state.overdueCapped ? 'overdue' : ''} rates and fees exceed the legal cap; the excess is not supported and the cap was applied`,
    })
  }
  const s = state.setup
  if (s.penaltyFlatFen > 0 && state.firstOverdueDay >= 0 && BigInt(s.penaltyFlatFen) * s.den > state.headroom.value()) {
    w.push({
      code: 'CLAIM_FLAT_PENALTY_REDUCED',
      message: `固定违约金 ${fenNumberToYuan(s.penaltyFlatFen)} 元与逾期利息等合计超过上限，仅支持上限内剩余部分`,
      messageEn: `The flat penalty of ${fenNumberToYuan(s.penaltyFlatFen)} yuan together with overdue interest exceeds the cap; only the headroom under the cap is supported`,
    })
  }
  if (p.capped.overdueRules.some((r) => r.source !== 'agreed') && state.firstOverdueDay >= 0) {
    const src = p.capped.overdueRules[0].source
    w.push({
      code: src === 'term' ? 'CLAIM_OVERDUE_RATE_FROM_TERM' : 'CLAIM_OVERDUE_RATE_FROM_LPR',
      message: src === 'term' ? '未约定逾期利率，逾期利息按借期内利率计算（民间借贷规定第28条第2款第(二)项）' : '既未约定借期内利率也未约定逾期利率，逾期利息参照一年期LPR计算（民间借贷规定第28条第2款第(一)项）',
      messageEn: src === 'term' ? 'No overdue rate agreed: overdue interest at the term rate (art. 28(2)(ii))' : 'Neither rate agreed: overdue interest at the one-year LPR (art. 28(2)(i))',
    })
  }
  return w
}

/** Assemble the ClaimResult from the capped and uncapped passes. */
export function assemble(p: Prepared, capped: RunState, uncapped: RunState): ClaimResult {
  // The plan is shared between loans: keep the periods that touch this loan, starting no earlier than disbursement.
  const startDay = p.capped.startDay
  const lastDay = Math.max(startDay, p.capped.endDay - 1)
  const all = p.plan.periods
  const periods: Array<{ rate: number; fromDay: number; toDay: number; basis: string; basisEn: string }> = []
  for (let i = 0; i < all.length; i++) {
    const c = all[i]
    const toDay = i + 1 < all.length ? all[i + 1].fromDay : Number.POSITIVE_INFINITY
    if (toDay > startDay && c.fromDay <= lastDay) periods.push({ rate: c.rate, fromDay: c.fromDay, toDay, basis: c.basis, basisEn: c.basisEn })
  }
  const current = periods.length - 1
  return {
    ...components(capped),
    uncapped: components(uncapped),
    cap: {
      annualRate: formatRate(periods[current].rate),
      basis: periods.length === all.length ? p.plan.basis : periods.map((c) => c.basis).join('；'),
      basisEn: periods.length === all.length ? p.plan.basisEn : periods.map((c) => c.basisEn).join('; '),
      periods: periods.map((c, i) => ({
        from: dayText(Math.max(startDay, c.fromDay)),
        to: i + 1 < periods.length ? dayText(c.toDay) : null,
        annualRate: formatRate(c.rate),
        basis: c.basis,
        basisEn: c.basisEn,
      })),
    },
    lines: p.capped.collectLines ? explainLines(p, capped) : [],
    allocations: capped.allocations.map((a) => ({
      date: dayText(a.day), amount: fenNumberToYuan(a.fen), expenses: fenNumberToYuan(a.expenses), termInterest: fenNumberToYuan(a.termInterest),
      termFees: fenNumberToYuan(a.termFees), overdueInterest: fenNumberToYuan(a.overdueInterest),
      penaltyAndOverdueFees: fenNumberToYuan(a.penaltyAndOverdueFees), principal: fenNumberToYuan(a.principal),
    })),
    warnings: p.warnings.concat(p.lpr.warnings, runtimeWarnings(p, capped)),
    dayBasis: p.dayBasis,
  }
}

