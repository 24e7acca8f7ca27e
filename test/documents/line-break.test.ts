import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NO_LINE_END, NO_LINE_START, breakLines, type Line } from '../../electron/core/documents/render-pdf/line-break'

/** A monospace measure: CJK 1 em, ASCII 0.5 em. Widths below are in points at size 10. */
const measure = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0)
const text = (l: Line) => l.segments.map((s) => s.text).join('')
const lines = (s: string, width: number, indent = 0) => breakLines([{ text: s }], measure, 10, width, indent).map(text)

describe('CJK line breaking with 禁则', () => {
  it('fills lines greedily at character boundaries', () => {
    expect(lines('一二三四五六七八九十', 40)).toEqual(['一二三四', '五六七八', '九十'])
  })

  it('never starts a line with closing punctuation: the previous character moves down with it', () => {
    expect(lines('一二三四，五六', 40)).toEqual(['一二三', '四，五六'])
    expect(lines('一二三四。」五', 40)).toEqual(['一二三', '四。」五'])
  })

  it('never ends a line with opening punctuation: it moves down with the next character', () => {
    expect(lines('一二三（四五）', 40)).toEqual(['一二三', '（四五）'])
    expect(lines('一二三《四》', 40)).toEqual(['一二三', '《四》'])
  })

  it('keeps Latin words and numbers whole', () => {
    // "10,000.00" is 4.5 em wide: it does not fit after 三 and moves down whole.
    expect(lines('一二三10,000.00元', 60)).toEqual(['一二三', '10,000.00元'])
    // With two characters of room or less left, a hyphenated number moves down whole.
    expect(lines('合同合同合HT-2023-0001号', 70)).toEqual(['合同合同合', 'HT-2023-0001号'])
  })

  it('keeps an amount with its unit: 元 never starts a line after the number', () => {
    expect(lines('一二三四五六0.00元', 80)).toEqual(['一二三四五六', '0.00元'])
    expect(lines('一二三四五六3.5万元', 90)).toEqual(['一二三四五六', '3.5万元'])
  })

  it('breaks a long hyphenated word after a hyphen instead of leaving a wide gap to stretch', () => {
    // Moving "AJ-2026-000001）" down whole would leave 4 em to spread over the line.
    expect(lines('一二（案号：AJ-2026-000001）', 100)).toEqual(['一二（案号：AJ-2026-', '000001）'])
    // The last hyphen that fits is taken.
    expect(lines('一二三四五六AJ-2026-000001号', 90)).toEqual(['一二三四五六AJ-', '2026-000001号'])
  })

  it('makes the first line shorter by the indent', () => {
    expect(lines('一二三四五六七八', 40, 20)).toEqual(['一二', '三四五六', '七八'])
  })

  it('splits a word longer than a whole line by characters', () => {
    expect(lines('ABCDEFGHIJKL', 30)).toEqual(['ABCDEF', 'GHIJKL'])
  })

  it('keeps emphasis runs as separate segments', () => {
    const [line] = breakLines([{ text: '合计' }, { text: '9,492.66元', bold: true }], measure, 10, 200)
    expect(line.segments.map((s) => [s.text, !!s.bold])).toEqual([['合计', false], ['9,492.66元', true]])
    expect(line.width).toBe(2 * 10 + 8 * 5 + 10)
  })

  it('property: no line starts with a closing mark or ends with an opening mark, no text is lost, no line overflows', () => {
    // Realistic text: punctuation next to words, as prose has it (a run of five closing marks cannot obey 禁则 on a 4-em line).
    const token = fc.oneof(
      fc.constantFrom(...'中文字句借款'),
      fc.tuple(fc.constantFrom(...'中文字句'), fc.constantFrom(...'，。、；：？！）」》')).map(([a, b]) => a + b),
      fc.tuple(fc.constantFrom(...'（「《'), fc.constantFrom(...'中文字句')).map(([a, b]) => a + b),
      fc.constantFrom('ab', '12', '10,000.00', ' '),
    )
    fc.assert(fc.property(fc.array(token, { maxLength: 80 }), fc.integer({ min: 4, max: 20 }), (tokens, em) => {
      const s = tokens.join('')
      const out = breakLines([{ text: s }], measure, 10, em * 10)
      const joined = out.map(text).join('')
      expect(joined.replace(/ /g, '')).toBe(s.replace(/ /g, ''))
      out.forEach((l, i) => {
        const t = text(l)
        if (!t) return
        if (i > 0) expect(NO_LINE_START.has(t[0])).toBe(false)
        if (i < out.length - 1) expect(NO_LINE_END.has(t[t.length - 1])).toBe(false)
        expect(l.width).toBeLessThanOrEqual(em * 10 + 0.01)
      })
    }), { numRuns: 300 })
  })
})
