import { isIsoDate } from '../../../shared/domain/date'
import { parseChineseInteger } from './numbers'

/** A calendar date as contracts write it: 2024年3月1日, 2024-03-01, 2024/3/1, 2024.3.1, 二〇二四年三月一日. */
export const WRITTEN_DATE = String.raw`(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号])`

/** Turn the groups of one WRITTEN_DATE match (starting at `g`) into YYYY-MM-DD; null for 2023-02-30 and the like. */
export function isoFromDateGroups(m: RegExpMatchArray | RegExpExecArray, g: number): string | null {
  let y: number, mo: number, d: number
  if (m[g] !== undefined) [y, mo, d] = [+m[g], +m[g + 1], +m[g + 2]]
  else if (m[g + 3] !== undefined) [y, mo, d] = [+m[g + 3], +m[g + 4], +m[g + 5]]
  else if (m[g + 6] !== undefined) {
    // 二〇二四: each character is one digit, not a positional numeral.
    y = Number([...m[g + 6]].map((c) => '〇零一二三四五六七八九'.indexOf(c)).map((i) => (i <= 1 ? 0 : i - 1)).join(''))
    mo = parseChineseInteger(m[g + 7]) ?? 0
    d = parseChineseInteger(m[g + 8]) ?? 0
  } else return null
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return isIsoDate(iso) ? iso : null
}

/** Every written date in a string, with offsets relative to it. */
export function findDates(text: string): { iso: string; start: number; end: number }[] {
  const out: { iso: string; start: number; end: number }[] = []
  for (const m of text.matchAll(new RegExp(WRITTEN_DATE, 'g'))) {
    const iso = isoFromDateGroups(m, 1)
    if (iso) out.push({ iso, start: m.index, end: m.index + m[0].length })
  }
  return out
}
