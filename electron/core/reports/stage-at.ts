import type BetterSqlite3 from 'better-sqlite3'
import { STAGES, type Stage } from '../../../shared/domain/enums'
import type { CountAmount } from '../../../shared/domain/report'

/**
 * A lender's cases by stage as they stood at an instant in the past, from stage_history (every case gets a
 * row when it is created and one per move): each case's last row before the instant gives its stage then.
 * Principal then = today's principal outstanding plus the principal repaid after that day (the booking of
 * cases/figures.ts: a repayment not split counts wholly to principal). Cases the store first recorded after
 * the instant are not guessed at: they are counted apart as `unrecorded`.
 */
export interface StagesAt {
  /** The last day the figures cover (China calendar). */
  date: string
  funnel: ({ stage: Stage } & CountAmount)[]
  unrecorded: number
}

export function stagesAt(raw: BetterSqlite3.Database, lenderId: string, beforeIso: string, lastDate: string): StagesAt {
  const rows = raw.prepare(`SELECT h.to_stage AS stage, count(*) AS count,
        total(c.principal_outstanding_fen + (SELECT total(coalesce(r.principal_fen, r.amount_fen)) FROM case_loans cl JOIN repayments r ON r.loan_id = cl.loan_id
          WHERE cl.case_id = c.id AND r.date > @lastDate)) AS principalFen
      FROM cases c JOIN stage_history h ON h.id = (SELECT h2.id FROM stage_history h2 WHERE h2.case_id = c.id AND h2.at < @beforeIso ORDER BY h2.at DESC, h2.id DESC LIMIT 1)
      WHERE c.lender_id = @lenderId
      GROUP BY h.to_stage`).all({ lenderId, beforeIso, lastDate }) as { stage: Stage; count: number; principalFen: number }[]
  const total = raw.prepare('SELECT count(*) FROM cases WHERE lender_id = ?').pluck().get(lenderId) as number
  const by = new Map(rows.map((r) => [r.stage, r]))
  const funnel = STAGES.map((stage) => ({ stage, count: by.get(stage)?.count ?? 0, principalFen: Math.round(by.get(stage)?.principalFen ?? 0) }))
  return { date: lastDate, funnel, unrecorded: total - rows.reduce((n, r) => n + r.count, 0) }
}
