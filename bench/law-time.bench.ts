import { join } from 'node:path'
import { addDays, fromDayNumber, toDayNumber } from '../shared/domain/date'
import { readConductRulesFile } from '../electron/core/collection/conduct-rules'
import { checkAction, type ContactAction } from '../electron/core/collection/guard'
import { createWorkCalendar, readHolidayCalendarFile } from '../electron/core/law/calendar'
import { dueDate, DEADLINE_KINDS } from '../electron/core/law/deadlines'
import { limitationStatus } from '../electron/core/law/limitation'
import type { BenchResult } from './types'

/**
 * Deadlines, limitation and the conduct guard are computed for every case in the "今日" queue, so they must
 * stay far below a millisecond each. Anchor: plain addDays on the same dates (the arithmetic with no calendar).
 */
const root = join(import.meta.dirname, '..')

function timeRuns(runs: number, fn: () => void): { medianMs: number; p95Ms: number } {
  const times: number[] = []
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { medianMs: times[Math.floor(runs / 2)], p95Ms: times[Math.floor(runs * 0.95)] }
}

export default async function bench(): Promise<BenchResult[]> {
  const cal = createWorkCalendar(readHolidayCalendarFile(join(root, 'resources/data/holidays-cn.json')))
  const rules = readConductRulesFile(join(root, 'resources/data/conduct-rules.json'))
  const n = 10_000
  const first = toDayNumber('2020-01-01')
  const dates = Array.from({ length: n }, (_, i) => fromDayNumber(first + ((i * 7919) % 2100)))
  const results: BenchResult[] = []

  const anchor = timeRuns(15, () => { for (const d of dates) addDays(d, 15) })
  const dl = timeRuns(15, () => { dates.forEach((d, i) => dueDate(DEADLINE_KINDS[i % 6], d, cal)) })
  results.push({
    name: 'law-time: dueDate over 10k dates (all six kinds)',
    n, medianMs: dl.medianMs, p95Ms: dl.p95Ms, throughputPerSec: Math.round((n / dl.medianMs) * 1000),
    target: '< 1 s for 10k (a full queue refresh)',
    anchor: { name: 'addDays(date, 15) without calendar', medianMs: anchor.medianMs, ratio: dl.medianMs / anchor.medianMs },
  })

  const lim = timeRuns(15, () => {
    for (let i = 0; i < n; i++) {
      const due = dates[i]
      limitationStatus({ lastInstalmentDue: due, today: '2026-06-01', events: [
        { date: addDays(due, 200), kind: 'demand_delivered', proof: 'EMS' },
        { date: addDays(due, 400), kind: 'partial_payment' },
      ].filter((e) => e.date <= '2026-06-01') as never }, cal)
    }
  })
  results.push({ name: 'law-time: limitationStatus over 10k loans (2 events each)', n, medianMs: lim.medianMs, p95Ms: lim.p95Ms, throughputPerSec: Math.round((n / lim.medianMs) * 1000), target: '< 2 s for 10k' })

  const history: ContactAction[] = Array.from({ length: 50 }, (_, i) => ({ borrowerId: `b${i % 5}`, channel: i % 2 ? 'phone' : 'sms', target: 'borrower', at: `2025-03-0${1 + (i % 5)}T1${i % 10}:00:00+08:00` }))
  const action: ContactAction = { borrowerId: 'b1', channel: 'phone', target: 'emergency_contact', at: '2025-03-05T20:00:00+08:00', note: '联系人称不认识借款人，未向其透露欠款事宜，请其转告回电' }
  const g = timeRuns(15, () => { for (let i = 0; i < n; i++) checkAction(action, history, rules) })
  results.push({ name: 'collection: checkAction over 10k actions (50-item history)', n, medianMs: g.medianMs, p95Ms: g.p95Ms, throughputPerSec: Math.round((n / g.medianMs) * 1000), target: '< 1 s for 10k' })
  return results
}
