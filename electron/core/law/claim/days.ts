import { dateProblem } from '../../../../shared/domain/claim'
import { toDayNumber } from '../../../../shared/domain/date'

/**
 * Fast, memoised conversions between `YYYY-MM-DD` and day numbers (days since 1970-01-01) for the hot path.
 * The same few thousand dates recur across every loan of a batch, and `Date#toISOString` costs microseconds,
 * so both directions are cached process-wide (pure functions of their argument: caching cannot change a result).
 */

const FIRST_DAY = toDayNumber('1980-01-01')
const LAST_DAY = toDayNumber('2100-12-31')
// Pre-filled so the array stays a packed array of strings (sparse writes would turn it into a slow dictionary).
const textByDay: string[] = new Array<string>(LAST_DAY - FIRST_DAY + 1).fill('')
const dayByText = new Map<string, number>()

/** Day number → `YYYY-MM-DD` (civil-from-days, proleptic Gregorian; no Date object). */
export function dayText(day: number): string {
  const inRange = day >= FIRST_DAY && day <= LAST_DAY
  if (inRange) {
    const hit = textByDay[day - FIRST_DAY]
    if (hit !== '') return hit
  }
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  const text = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
  if (inRange) textByDay[day - FIRST_DAY] = text
  return text
}

/** `YYYY-MM-DD` → day number, or null when the text is not a real date within 1980–2100. */
export function dayOrNull(text: string): number | null {
  const hit = dayByText.get(text)
  if (hit !== undefined) return hit
  if (typeof text !== 'string' || dateProblem(text) !== null) return null
  const day = toDayNumber(text)
  dayByText.set(text, day)
  return day
}
