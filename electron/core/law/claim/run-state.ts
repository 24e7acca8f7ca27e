import { Accumulator } from './accumulator'
import type { CapPeriod, OverdueRateRule } from './caps'

/**
 * The data one pass of the engine works on. The calculator runs two passes over the same timeline:
 * "capped" (what the law supports) and "uncapped" (what the contract alone claims).
 * Money is integer fen (number); accrued charges are exact bigint numerators over `den` = RATE_SCALE × dayBasis,
 * i.e. fen × scaled rate × days, so nothing is rounded until a component is settled or reported.
 */
export interface ScenarioSetup {
  den: bigint
  /** The same denominator as a number (RATE_SCALE × 365 < 2^53). */
  denNumber: number
  startDay: number
  /** asOf: accrual runs over [startDay, endDay). */
  endDay: number
  /** Instalments in due order: due day and principal in fen (already scaled to the recognised principal). */
  dueDays: number[]
  principals: number[]
  /** Index into `overdueRules` for each instalment. */
  ruleOf: number[]
  overdueRules: OverdueRateRule[]
  /** Payments sorted by day (then input order), with their index in the input for error messages. */
  payments: Array<{ day: number; fen: number; index: number }>
  /** Expenses sorted by day; a date before disbursement counts from the disbursement day. */
  expenses: Array<{ day: number; fen: number }>
  rateTerm: number
  feeRateTerm: number
  penaltyRate: number
  feeRateOverdue: number
  penaltyFlatFen: number
  /** The cap by period (capped pass), or null for the uncapped pass. */
  capPeriods: CapPeriod[] | null
  /** Neither-rate overdue days before this day use the 2015 6 % rule. */
  oldRulesUntilDay: number
  collectLines: boolean
}

/** Line kinds by index, in the order of ClaimLineKind for the charges that accrue per day. */
export const LINE_TERM_INTEREST = 0
export const LINE_TERM_FEE = 1
export const LINE_OVERDUE_INTEREST = 2
export const LINE_PENALTY = 3
export const LINE_OVERDUE_FEE = 4

/** One accrual period before rounding and formatting. */
export interface RawLine {
  fromDay: number
  toDay: number
  baseFen: number
  /** Applied (capped) annual rate, scaled. */
  rate: number
  /** The rate the contract (or 第28条 fallback) asked for, before the cap. */
  askedRate: number
  /** Σ base × days over the line (exact: see accumulator.ts); the amount is fenDays × rate / den. */
  fenDays: number
  kind: number
  /** Overdue rule index for overdue kinds, -1 for term kinds. */
  rule: number
  /** True when the day lies under the 2015 rules (6 % fallback). */
  oldRules: boolean
  capIndex: number
}

/** Where one payment went, in fen, in the 第561条 order. */
export interface RawAllocation {
  day: number
  index: number
  fen: number
  expenses: number
  termInterest: number
  termFees: number
  overdueInterest: number
  penaltyAndOverdueFees: number
  principal: number
}

/** The mutable state of one pass. */
export class RunState {
  /** Unpaid principal per instalment, fen. */
  readonly remaining: number[]
  /** Outstanding charges as exact numerators over `den` (net of payments). */
  readonly termInterest = new Accumulator()
  readonly termFee = new Accumulator()
  readonly overdueInterest = new Accumulator()
  readonly penalty = new Accumulator()
  readonly overdueFee = new Accumulator()
  /** Capped pass: room left under the cap, accumulated over overdue days, for the flat penalty. */
  readonly headroom = new Accumulator()
  /** Part of the flat penalty already paid, as a numerator. */
  flatPaid = 0n
  /** First overdue day (day number) once an instalment is unpaid on its due date; -1 before. */
  firstOverdueDay = -1
  /** Unpaid expenses, fen, in date order. */
  readonly expenseOwed: number[] = []
  readonly lines: RawLine[] = []
  readonly allocations: RawAllocation[] = []
  /** Last line per merge key, so consecutive periods with the same base and rate become one line. */
  readonly lastLine = new Map<number, RawLine>()
  /** Number of instalments whose due day is on or before the current cursor. */
  dueCount = 0
  /** Next payment / expense of the setup's sorted lists still to be booked. */
  nextPayment = 0
  nextExpense = 0
  /** True once any day's agreed rate had to be cut to the cap (term / overdue). */
  termCapped = false
  overdueCapped = false

  constructor(readonly setup: ScenarioSetup) {
    this.remaining = setup.principals.slice()
  }

  /** The flat penalty that may be claimed now (numerator): capped by the headroom in the capped pass. */
  flatAvailable(): bigint {
    const s = this.setup
    if (this.firstOverdueDay < 0 || s.penaltyFlatFen === 0) return 0n
    const full = BigInt(s.penaltyFlatFen) * s.den
    const room = this.headroom.value()
    const allowed = s.capPeriods === null || full <= room ? full : room
    return allowed - this.flatPaid
  }
}
