/**
 * Text clean-up shared by the normalisers (full-width characters: shared/domain/half-width.ts). Spreadsheets
 * from Chinese systems mix non-breaking or ideographic spaces with ordinary ones.
 */

/** Trim and collapse runs of whitespace (incl. ideographic and no-break spaces) to one space. */
export function collapseSpaces(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim()
}

const SPACE = /[\s\u3000\u00a0]/

/** Remove every whitespace character (incl. ideographic and no-break spaces). */
export function stripSpaces(s: string): string {
  if (!SPACE.test(s)) return s
  return s.replace(/[\s\u3000\u00a0]+/g, '')
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 keeps a substring of 13 characters or
 * more as a view into its parent, so a cell kept for the whole run (a key of a run-long map) would keep the
 * whole 1 MB chunk of the file it was read from in memory — every chunk, over a whole file. Prepending a
 * character makes a new string; slicing that one keeps only the copy (a bare concatenation kept the parent).
 */
export function ownString(s: string): string {
  return (' ' + s).slice(1)
}

/** Column letter as Excel shows it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/**
 * A small Chinese numeral (as found in rates: 五, 十五, 一点五, 二十) to an ASCII decimal string;
 * ASCII digits pass through. Returns null for anything else. Rates never need 百 or more.
 */
export function chineseNumeralToDecimal(s: string): string | null {
  if (/^\d+(\.\d+)?$/.test(s)) return s
  const [intPart, fracPart, extra] = s.split('点')
  if (extra !== undefined || intPart === undefined) return null
  let whole: number
  const ten = intPart.indexOf('十')
  if (ten >= 0) {
    const tens = ten === 0 ? 1 : CHINESE_DIGITS[intPart.slice(0, ten)]
    const onesText = intPart.slice(ten + 1)
    const ones = onesText === '' ? 0 : CHINESE_DIGITS[onesText]
    if (tens === undefined || ones === undefined || ten > 1 || onesText.length > 1) return null
    whole = tens * 10 + ones
  } else {
    if (intPart === '' || intPart.length > 1 || CHINESE_DIGITS[intPart] === undefined) return null
    whole = CHINESE_DIGITS[intPart]
  }
  if (fracPart === undefined) return String(whole)
  let frac = ''
  for (const ch of fracPart) {
    const d = CHINESE_DIGITS[ch] ?? (/\d/.test(ch) ? Number(ch) : undefined)
    if (d === undefined) return null
    frac += d
  }
  return frac === '' ? null : `${whole}.${frac}`
}
