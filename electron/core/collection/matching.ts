/**
 * Matching repayments to what was promised (承诺还款) and to repayment-plan instalments. Pure functions over
 * integer fen; the services store the outcome. Each repayment is used once: promises take them in order of
 * their due dates, plan instalments take them in order (a waterfall), so a large payment covers several.
 */

export interface RepaymentLike {
  date: string
  amountFen: number
}

export interface PromiseLike {
  id: string
  amountFen: number
  /** The day the promise was made (China date): payments before it do not count toward it. */
  createdOn: string
  dueDate: string
}

export type PromiseStatus = 'open' | 'kept' | 'partly_kept' | 'broken'

export interface PromiseMatch {
  id: string
  keptFen: number
  status: PromiseStatus
}

/**
 * Status of each promise on `today`: kept once payments made between the promise and its due date (both
 * inclusive) reach the amount; after the due date, partly kept when something was paid, broken when nothing was.
 */
export function matchPromises(promises: readonly PromiseLike[], repayments: readonly RepaymentLike[], today: string): PromiseMatch[] {
  const pool = [...repayments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((r) => ({ ...r, left: r.amountFen }))
  const ordered = [...promises].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.createdOn < b.createdOn ? -1 : 1))
  const out = new Map<string, PromiseMatch>()
  for (const p of ordered) {
    let kept = 0
    for (const r of pool) {
      if (kept >= p.amountFen) break
      if (r.left === 0 || r.date < p.createdOn || r.date > p.dueDate) continue
      const take = Math.min(r.left, p.amountFen - kept)
      r.left -= take
      kept += take
    }
    const status: PromiseStatus = kept >= p.amountFen ? 'kept' : today <= p.dueDate ? 'open' : kept > 0 ? 'partly_kept' : 'broken'
    out.set(p.id, { id: p.id, keptFen: kept, status })
  }
  return promises.map((p) => out.get(p.id)!)
}

export interface InstalmentLike {
  seq: number
  dueDate: string
  amountFen: number
}

export type InstalmentState = 'paid' | 'partly_paid' | 'due' | 'missed'

export interface InstalmentTrack extends InstalmentLike {
  paidFen: number
  state: InstalmentState
}

/**
 * Each instalment's payments on `today`: every repayment from the plan's start on is applied to the earliest
 * unpaid instalment first. An instalment not fully paid by the end of its due date is missed.
 */
export function trackInstalments(instalments: readonly InstalmentLike[], repayments: readonly RepaymentLike[], planStart: string, today: string): InstalmentTrack[] {
  let available = repayments.filter((r) => r.date >= planStart).reduce((s, r) => s + r.amountFen, 0)
  return [...instalments]
    .sort((a, b) => a.seq - b.seq)
    .map((i) => {
      const paidFen = Math.min(available, i.amountFen)
      available -= paidFen
      const state: InstalmentState = paidFen >= i.amountFen ? 'paid' : i.dueDate < today ? 'missed' : paidFen > 0 ? 'partly_paid' : 'due'
      return { ...i, paidFen, state }
    })
}
