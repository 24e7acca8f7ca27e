import { addDays, addMonths } from '../../../shared/domain/date'
import type { Stage } from '../../../shared/domain/enums'
import { creditCodeCheckChar } from '../law/credit-code'
import { idCheckChar } from '../law/id-number'
import { loanOverdueSince } from '../cases/figures'
import type { Random } from './random'
import { AREAS, GIVEN, LENDERS, OWNERS, STREETS, SURNAMES } from './vocab'

export interface SeedLender { name: string; regime: 'private' | 'licensed'; creditCode: string; address: string; legalRep: string }

export interface SeedCase {
  borrower: { name: string; idNumber: string; sex: 'male' | 'female'; birthDate: string; phones: string[]; hukou: string; residence: string }
  lenderIndex: number
  loan: {
    contractDate: string; contractAmountFen: number; disbursedAmountFen: number; upfrontFeeFen: number; disbursementDate: string
    method: 'bullet' | 'equal_principal'; termMonths: number; rateTerm: string; rateOverdue: string | null; penaltyRate: string | null
    schedule: { dueDate: string; principalFen: number; interestFen: number }[]
    repayments: { date: string; amountFen: number; principalFen: number }[]
  }
  stage: Stage
  owner: string
  priority: 'high' | 'normal' | 'low'
  overdueSince: string | null
  principalOutstandingFen: number
  repaidFen: number
}

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

export function seedLenders(r: Random): SeedLender[] {
  return LENDERS.map((l) => {
    let body = '91' + l.area
    for (let i = 0; i < 9; i++) body += r.pick(CHARSET)
    const place = AREAS.find((a) => a.code === l.area)!.place
    return { name: l.name, regime: l.regime, creditCode: body + creditCodeCheckChar(body), address: `${place}${r.pick(STREETS)}${r.int(1, 300)}号`, legalRep: r.pick(SURNAMES) + r.pick(GIVEN) + r.pick(GIVEN) }
  })
}

/** A realistic ID number not yet in `taken`, with its sex and birth date. */
function idNumber(r: Random, area: string, taken: Set<string>) {
  for (;;) {
    const birth = addDays('1965-01-01', r.int(0, 13_500)) // born 1965–2001
    const seq = String(r.int(0, 999)).padStart(3, '0')
    const body = area + birth.replaceAll('-', '') + seq
    const full = body + idCheckChar(body)
    if (taken.has(full)) continue
    taken.add(full)
    return { idNumber: full, birthDate: birth, sex: (Number(seq[2]) % 2 === 1 ? 'male' : 'female') as 'male' | 'female' }
  }
}

/** Days past due drive the stage a case has plausibly reached. */
function stageFor(r: Random, dpd: number): Stage {
  if (dpd === 0) return 'new'
  if (dpd <= 30) return r.pick(['new', 'collection'] as const)
  if (dpd <= 90) return r.pick(['collection', 'collection', 'negotiation'] as const)
  if (dpd <= 180) return r.pick(['collection', 'negotiation', 'mediation', 'litigation'] as const)
  return r.pick(['litigation', 'litigation', 'enforcement', 'negotiation', 'closed'] as const)
}

/** Basis points to a decimal fraction string without float artefacts: 1540 → "0.154". */
export function bpToRate(bp: number): string {
  const s = String(bp).padStart(5, '0')
  return `${s.slice(0, -4)}.${s.slice(-4)}`.replace(/0+$/, '').replace(/\.$/, '.0')
}

/** Interest for one month on `fen` at an annual rate given in basis points (integer arithmetic). */
const monthInterest = (fen: number, rateBp: number) => Math.round((fen * rateBp) / 120_000)

export function seedCase(r: Random, today: string, lenders: SeedLender[], taken: Set<string>): SeedCase {
  const area = r.pick(AREAS)
  const id = idNumber(r, area.code, taken)
  const name = r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.7) ? r.pick(GIVEN) : '')
  const phone = area.phonePrefix + String(r.int(0, 99_999_999)).padStart(8, '0')
  const phones = r.chance(0.3) ? [phone, '1' + r.pick(['3', '5', '8', '7']) + String(r.int(0, 999_999_999)).padStart(9, '0')] : [phone]
  const hukou = `${area.place}${r.pick(STREETS)}${r.int(1, 999)}号`
  const residence = r.chance(0.6) ? hukou : `${r.pick(AREAS).place}${r.pick(STREETS)}${r.int(1, 999)}号${r.int(1, 30)}栋${r.int(101, 2802)}室`

  const lenderIndex = r.int(0, lenders.length - 1)
  const licensed = lenders[lenderIndex].regime === 'licensed'
  const contractAmountFen = r.int(30, 2000) * 10_000 // 3,000–200,000 yuan in steps of 100
  const upfrontFeeFen = r.chance(0.2) ? Math.round((contractAmountFen * r.int(5, 15)) / 100) : 0
  const disbursedAmountFen = contractAmountFen - upfrontFeeFen
  const contractDate = addDays(today, -r.int(45, 1100))
  const disbursementDate = r.chance(0.8) ? contractDate : addDays(contractDate, r.int(1, 3))
  const bullet = r.chance(0.25)
  const termMonths = bullet ? r.pick([1, 3, 6, 12]) : r.pick([3, 6, 12, 24])
  const rateBp = licensed ? r.int(720, 2400) : r.pick([1000, 1200, 1440, 1540, 2400, 3600])
  const n = bullet ? 1 : termMonths
  const schedule: SeedCase['loan']['schedule'] = []
  let left = contractAmountFen
  for (let i = 1; i <= n; i++) {
    const principalFen = i === n ? left : Math.floor(contractAmountFen / n)
    left -= principalFen
    schedule.push({ dueDate: addMonths(disbursementDate, bullet ? termMonths : i), principalFen, interestFen: monthInterest(bullet ? contractAmountFen : left + principalFen, rateBp) * (bullet ? termMonths : 1) })
  }
  // The borrower paid some instalments in full, maybe part of the next one, then stopped.
  const due = schedule.filter((s) => s.dueDate <= today)
  const paidInFull = r.chance(0.1) ? due.length : r.int(0, Math.max(0, due.length - 1))
  const scale = (fen: number) => Math.floor((fen * disbursedAmountFen) / contractAmountFen)
  const repayments: SeedCase['loan']['repayments'] = []
  // Borrowers who paid did so with interest at the contract rate, but at most 10% a year, on the disbursed balance:
  // below every legal cap, so a payment never exceeds what the law lets the lender claim (the calculator refuses
  // payments above everything owed).
  let balance = disbursedAmountFen
  let from = disbursementDate
  for (const s of schedule.slice(0, paidInFull)) {
    const days = Math.round((Date.parse(s.dueDate) - Date.parse(from)) / 86_400_000)
    const interest = Math.floor((balance * Math.min(rateBp, 1000) * days) / (10_000 * 365))
    from = s.dueDate
    repayments.push({ date: s.dueDate, amountFen: scale(s.principalFen) + interest, principalFen: scale(s.principalFen) })
    balance -= scale(s.principalFen)
  }
  const next = schedule[paidInFull]
  if (next && next.dueDate <= today && r.chance(0.25)) {
    const part = Math.floor(scale(next.principalFen) / r.int(2, 4))
    if (part > 0) repayments.push({ date: next.dueDate, amountFen: part, principalFen: part })
  }
  const principalRepaidFen = repayments.reduce((s, p) => s + p.principalFen, 0)
  const overdueSince = loanOverdueSince({ disbursedFen: disbursedAmountFen, schedule, principalRepaidFen }, today)
  const dpd = overdueSince ? Math.max(0, Math.round((Date.parse(today) - Date.parse(overdueSince)) / 86_400_000)) : 0

  return {
    borrower: { name, ...id, phones, hukou, residence },
    lenderIndex,
    loan: {
      contractDate, contractAmountFen, disbursedAmountFen, upfrontFeeFen, disbursementDate, method: bullet ? 'bullet' : 'equal_principal', termMonths,
      rateTerm: bpToRate(rateBp), rateOverdue: r.chance(0.7) ? bpToRate(Math.round(rateBp * 1.5)) : null,
      penaltyRate: r.chance(0.4) ? '0.05' : null, schedule, repayments,
    },
    stage: stageFor(r, dpd),
    owner: r.pick(OWNERS),
    priority: r.pick(['high', 'normal', 'normal', 'low'] as const),
    overdueSince,
    principalOutstandingFen: Math.max(0, disbursedAmountFen - principalRepaidFen),
    repaidFen: repayments.reduce((s, p) => s + p.amountFen, 0),
  }
}
