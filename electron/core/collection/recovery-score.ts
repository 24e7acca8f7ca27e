import { daysBetween, isIsoDate } from '../../../shared/domain/date'
import { UserError } from '../errors'

/**
 * A transparent points scorecard for "how likely and how soon money comes back" (DOMAIN.md §3). It starts at
 * BASE and adds or subtracts whole points per factor; every factor and its reason is returned so a lawyer can
 * read the score and override it with a reason. The point values are house defaults, not a fitted model.
 */

export type Reachability = 'reachable' | 'intermittent' | 'unreachable' | 'unknown'
export type AssetKind = 'salary' | 'bank_account' | 'real_estate' | 'vehicle' | 'other'

export interface RecoveryInput {
  today: string
  /** Days since the first unpaid due date. */
  daysPastDue: number
  /** Outstanding amount in fen. */
  outstandingFen: number | bigint
  /** Repaid so far in fen (all repayments on the loan). */
  repaidFen: number | bigint
  reachability: Reachability
  promisesKept: number
  promisesBroken: number
  /** Last successful or attempted contact, YYYY-MM-DD; null if never contacted. */
  lastContactDate: string | null
  knownAssets: readonly AssetKind[]
}

export interface ScoreFactor {
  key: 'days_past_due' | 'amount' | 'repaid_share' | 'reachability' | 'promises' | 'last_contact' | 'assets'
  label: string
  points: number
  reason: string
}

export interface RecoveryScore {
  /** 0..100, higher = more likely / sooner to recover. */
  score: number
  base: number
  factors: ScoreFactor[]
}

export const BASE = 50

const YUAN = 100n

/** Score a case. Throws SCORE_INPUT_INVALID for impossible input (negative amounts, bad dates). */
export function recoveryScore(input: RecoveryInput): RecoveryScore {
  validate(input)
  const outstanding = BigInt(input.outstandingFen)
  const repaid = BigInt(input.repaidFen)
  const factors: ScoreFactor[] = [
    daysPastDueFactor(input.daysPastDue),
    amountFactor(outstanding),
    repaidShareFactor(repaid, outstanding),
    reachabilityFactor(input.reachability),
    promisesFactor(input.promisesKept, input.promisesBroken),
    lastContactFactor(input.lastContactDate, input.today),
    assetsFactor(input.knownAssets),
  ]
  const raw = factors.reduce((s, f) => s + f.points, BASE)
  return { score: Math.max(0, Math.min(100, raw)), base: BASE, factors }
}

function daysPastDueFactor(d: number): ScoreFactor {
  const [points, band] = d <= 30 ? [15, '≤30天'] : d <= 90 ? [8, '31–90天'] : d <= 180 ? [0, '91–180天'] : d <= 365 ? [-10, '181–365天'] : [-20, '超过1年']
  return { key: 'days_past_due', label: '逾期天数', points, reason: `逾期 ${d} 天（${band}）：逾期越久回款越难` }
}

function amountFactor(outstanding: bigint): ScoreFactor {
  const [points, band] = outstanding <= 5_000n * YUAN ? [5, '≤5,000元'] : outstanding <= 50_000n * YUAN ? [0, '5,000–50,000元'] : [-5, '超过50,000元']
  return { key: 'amount', label: '欠款金额', points, reason: `未还 ${yuan(outstanding)} 元（${band}）：小额更易一次结清` }
}

function repaidShareFactor(repaid: bigint, outstanding: bigint): ScoreFactor {
  const total = repaid + outstanding
  // Compare in integers: repaid / total >= p%  ⇔  repaid * 100 >= total * p.
  const atLeast = (p: bigint) => total > 0n && repaid * 100n >= total * p
  const [points, band] = atLeast(50n) ? [10, '≥50%'] : atLeast(20n) ? [5, '20–50%'] : repaid > 0n ? [2, '<20%'] : [-5, '从未还款']
  const pct = total > 0n ? `${(repaid * 100n) / total}%` : '0%'
  return { key: 'repaid_share', label: '已还比例', points, reason: `已还 ${yuan(repaid)} 元，约占 ${pct}（${band}）` }
}

function reachabilityFactor(r: Reachability): ScoreFactor {
  const table: Record<Reachability, [number, string]> = {
    reachable: [10, '能联系上本人'],
    intermittent: [0, '时能联系上'],
    unreachable: [-15, '失联或空号'],
    unknown: [-5, '尚未核实联系方式'],
  }
  const [points, text] = table[r]
  return { key: 'reachability', label: '可联系性', points, reason: text }
}

function promisesFactor(kept: number, broken: number): ScoreFactor {
  // Capped at three each so one long history does not drown the other factors.
  const points = Math.min(kept, 3) * 4 - Math.min(broken, 3) * 5
  return { key: 'promises', label: '还款承诺履行', points, reason: `履行承诺 ${kept} 次、违约 ${broken} 次（各计至多3次：履行+4，违约−5）` }
}

function lastContactFactor(last: string | null, today: string): ScoreFactor {
  if (last === null) return { key: 'last_contact', label: '距上次联系', points: -5, reason: '从未联系' }
  const d = daysBetween(last, today)
  const [points, band] = d <= 7 ? [5, '7天内'] : d <= 30 ? [0, '8–30天'] : [-5, '超过30天']
  return { key: 'last_contact', label: '距上次联系', points, reason: `上次联系 ${last}，${d} 天前（${band}）` }
}

function assetsFactor(assets: readonly AssetKind[]): ScoreFactor {
  const worth: Record<AssetKind, number> = { salary: 8, bank_account: 8, real_estate: 10, vehicle: 6, other: 3 }
  const names: Record<AssetKind, string> = { salary: '工资收入', bank_account: '银行账户', real_estate: '不动产', vehicle: '车辆', other: '其他财产' }
  const unique = [...new Set(assets)]
  const points = Math.min(15, unique.reduce((s, a) => s + worth[a], 0))
  const reason = unique.length ? `已知财产：${unique.map((a) => names[a]).join('、')}（合计至多+15）` : '未发现可供执行的财产'
  return { key: 'assets', label: '已知财产', points, reason }
}

export interface ScoreOverride {
  score: number
  reason: string
}

export interface OverriddenScore extends RecoveryScore {
  computed: number
  override: ScoreOverride
}

/** A lawyer's override: the computed score and factors stay visible; a reason is required. */
export function overrideScore(computed: RecoveryScore, override: ScoreOverride): OverriddenScore {
  if (!Number.isInteger(override.score) || override.score < 0 || override.score > 100) {
    throw new UserError('SCORE_OVERRIDE_INVALID', '人工评分应为0–100的整数', 'An override score must be an integer 0-100', { field: 'score' })
  }
  if (!override.reason.trim()) {
    throw new UserError('SCORE_OVERRIDE_REASON_REQUIRED', '人工调整评分必须填写理由', 'Overriding the score needs a reason', { field: 'reason' })
  }
  return { ...computed, score: override.score, computed: computed.score, override: { score: override.score, reason: override.reason.trim() } }
}

function yuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : ''
  const abs = fen < 0n ? -fen : fen
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

function validate(i: RecoveryInput): void {
  const bad = (field: string, zh: string, en: string) => new UserError('SCORE_INPUT_INVALID', zh, en, { field })
  if (!isIsoDate(i.today)) throw bad('today', `日期格式错误：${i.today}`, `Invalid date: ${i.today}`)
  if (i.lastContactDate !== null && (!isIsoDate(i.lastContactDate) || i.lastContactDate > i.today)) {
    throw bad('lastContactDate', `上次联系日期无效：${i.lastContactDate}`, `Invalid last contact date: ${i.lastContactDate}`)
  }
  if (!Number.isInteger(i.daysPastDue) || i.daysPastDue < 0) throw bad('daysPastDue', '逾期天数应为非负整数', 'daysPastDue must be a non-negative integer')
  for (const f of ['outstandingFen', 'repaidFen'] as const) {
    const v = i[f]
    if ((typeof v === 'number' && !Number.isSafeInteger(v)) || BigInt(v) < 0n) throw bad(f, `${f} 应为非负整数（分）`, `${f} must be a non-negative integer number of fen`)
  }
  for (const f of ['promisesKept', 'promisesBroken'] as const) {
    if (!Number.isInteger(i[f]) || i[f] < 0) throw bad(f, `${f} 应为非负整数`, `${f} must be a non-negative integer`)
  }
}
