import type { Run } from '../model'

/**
 * CJK line breaking with the 禁则 (kinsoku) rules of Chinese typesetting:
 * - a line never starts with closing punctuation (，。、；：？！）」』》 …): such a mark sticks to the
 *   character before it, and the two move to the next line together;
 * - a line never ends with opening punctuation (（「『《 …): it sticks to the character after it, and so
 *   does a check box (□ 有限责任公司) — a box alone at the end of a line belongs to nothing;
 * - a run of Latin letters, digits and ASCII symbols ("HT-2023-0001", "10,000.00") is one unbreakable word,
 *   and an amount keeps its unit ("0.00元", "3.5万元" never end a line before 元/万);
 * - except that a hyphenated word too long for the room left (a case number at the end of a line) is broken
 *   after a hyphen rather than leaving a gap that justification would spread into wide letter spacing.
 * Any CJK character boundary is otherwise a break opportunity, and so is a space.
 */
export const NO_LINE_START = new Set('，。、；：？！）」』》〉】〕〗”’…—・·％‰,.;:?!)]}%')
export const NO_LINE_END = new Set('（「『《〈【〔〖“‘([{¥$□☐☑■')

/** Width of `text` in points at size 1 (the caller scales). */
export type Measure = (text: string) => number

export interface Segment {
  text: string
  bold?: boolean
  underline?: boolean
}

export interface Line {
  segments: Segment[]
  /** Natural width in points (trailing spaces excluded). */
  width: number
  /** True for the last line of a paragraph, which is never stretched. */
  last: boolean
}

interface Piece {
  text: string
  bold?: boolean
  underline?: boolean
}

/** An unbreakable box: one or more pieces that must stay on one line. */
interface Box {
  pieces: Piece[]
  width: number
  isSpace: boolean
}

const ASCII_WORD = /[\x21-\x7e]/
/** Units that stay with the amount before them. */
const AMOUNT_UNITS = new Set('元万亿角分')
const AMOUNT_END = /[0-9万亿]$/
/** Room left on a line (in characters of the font size) above which a hyphenated word is broken to fill it. */
const HYPHEN_BREAK_ROOM = 2

/** Splits runs into boxes: ASCII words, single CJK characters, spaces; then applies the 禁则 glue. */
function toBoxes(runs: Run[], measure: Measure, size: number): Box[] {
  const raw: { piece: Piece; isSpace: boolean }[] = []
  for (const r of runs) {
    const style = { ...(r.bold && { bold: true }), ...(r.underline && { underline: true }) }
    const chars = [...r.text]
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]
      if (c === ' ') { raw.push({ piece: { text: ' ', ...style }, isSpace: true }); continue }
      let word = c
      if (ASCII_WORD.test(c) && !NO_LINE_START.has(c) && !NO_LINE_END.has(c)) {
        while (i + 1 < chars.length && ASCII_WORD.test(chars[i + 1]) && !NO_LINE_END.has(chars[i + 1])) word += chars[++i]
      }
      raw.push({ piece: { text: word, ...style }, isSpace: false })
    }
  }
  const boxes: Box[] = []
  let glueNext = false
  for (const { piece, isSpace } of raw) {
    const w = measure(piece.text) * size
    let prev = boxes[boxes.length - 1]
    const closing = !isSpace && NO_LINE_START.has([...piece.text][0])
    const unit = !isSpace && AMOUNT_UNITS.has(piece.text) && !!prev && !prev.isSpace && AMOUNT_END.test(prev.pieces[prev.pieces.length - 1].text)
    if (prev && (glueNext || closing || unit)) {
      // A closing mark after a space still belongs to the word before the space.
      if (!glueNext && prev.isSpace && boxes.length >= 2) {
        boxes.pop()
        boxes[boxes.length - 1].pieces.push(...prev.pieces)
        boxes[boxes.length - 1].width += prev.width
        prev = boxes[boxes.length - 1]
      }
      prev.pieces.push(piece)
      prev.width += w
      prev.isSpace = prev.isSpace && isSpace
    } else {
      boxes.push({ pieces: [piece], width: w, isSpace })
    }
    if (!isSpace) glueNext = NO_LINE_END.has([...piece.text].pop()!)
  }
  return boxes
}

/**
 * Splits a box that is wider than a whole line (a very long ASCII word) into character boxes; a
 * closing mark such as "," still sticks to the character before it.
 */
function splitWide(box: Box, measure: Measure, size: number): Box[] {
  const out: Box[] = []
  for (const p of box.pieces) {
    for (const c of p.text) {
      const piece = { ...p, text: c }
      const w = measure(c) * size
      const prev = out[out.length - 1]
      if (prev && NO_LINE_START.has(c)) { prev.pieces.push(piece); prev.width += w } else out.push({ pieces: [piece], width: w, isSpace: false })
    }
  }
  return out
}

/**
 * Splits a box that starts with a hyphenated ASCII word after the last hyphen that leaves a head no wider than
 * `room`: [head, rest], or undefined when there is no such hyphen.
 */
function splitAtHyphen(box: Box, room: number, measure: Measure, size: number): [Box, Box] | undefined {
  const [p, ...others] = box.pieces
  if (!ASCII_WORD.test(p.text[0] ?? '')) return undefined
  for (let i = p.text.lastIndexOf('-', p.text.length - 2); i > 0; i = p.text.lastIndexOf('-', i - 1)) {
    const head = { ...p, text: p.text.slice(0, i + 1) }
    const w = measure(head.text) * size
    if (w <= room + 0.01) return [{ pieces: [head], width: w, isSpace: false }, { pieces: [{ ...p, text: p.text.slice(i + 1) }, ...others], width: box.width - w, isSpace: false }]
  }
  return undefined
}

function lineFrom(boxes: Box[], last: boolean): Line {
  while (boxes.length && boxes[boxes.length - 1].isSpace) boxes.pop()
  while (boxes.length && boxes[0].isSpace) boxes.shift()
  const segments: Segment[] = []
  for (const b of boxes) {
    for (const p of b.pieces) {
      const prev = segments[segments.length - 1]
      if (prev && !!prev.bold === !!p.bold && !!prev.underline === !!p.underline) prev.text += p.text
      else segments.push({ text: p.text, ...(p.bold && { bold: true }), ...(p.underline && { underline: true }) })
    }
  }
  const width = boxes.reduce((s, b) => s + b.width, 0)
  return { segments, width, last }
}

/**
 * Breaks styled text into lines no wider than `maxWidth` points at font size `size`. The first line is
 * `firstIndent` points narrower (the 2-character indent of Chinese paragraphs). Greedy first-fit, which
 * is what Chinese typesetting expects: every line is full except where 禁则 pushes a character down.
 */
export function breakLines(runs: Run[], measure: Measure, size: number, maxWidth: number, firstIndent = 0): Line[] {
  const boxes = toBoxes(runs, measure, size).flatMap((b) => (b.width > maxWidth - firstIndent && !b.isSpace ? splitWide(b, measure, size) : [b]))
  const lines: Line[] = []
  let current: Box[] = []
  let width = 0
  let limit = maxWidth - firstIndent
  for (let box of boxes) {
    if (current.length && !box.isSpace && width + box.width > limit + 0.01) {
      const split = limit - width > HYPHEN_BREAK_ROOM * size ? splitAtHyphen(box, limit - width, measure, size) : undefined
      if (split) {
        current.push(split[0])
        box = split[1]
      }
      lines.push(lineFrom(current, false))
      current = []
      width = 0
      limit = maxWidth
    }
    if (!current.length && box.isSpace) continue
    current.push(box)
    width += box.width
  }
  lines.push(lineFrom(current, true))
  return lines
}
