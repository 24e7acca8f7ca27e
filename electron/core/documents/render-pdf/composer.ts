import type { Align } from '../model'
import type { Line, Measure } from './line-break'
import type { PageGeometry, PageLayout, TextOp } from './ops'

/** Runs of printable ASCII (a Latin word, a number, a contract number) and runs of everything else. */
const LATIN_OR_NOT = /[\x21-\x7e]+|[^\x21-\x7e]+/g
const LATIN = /^[\x21-\x7e]/

/**
 * The page builder: a cursor that moves down the text area, starting a new page when something does
 * not fit. Measures are in points; `cursor` is the distance from the top of the page.
 */
export class Composer {
  readonly pages: PageLayout[] = []
  cursor = 0

  constructor(readonly geo: PageGeometry, readonly measure: Measure) {
    this.newPage()
  }

  get textWidth(): number {
    return this.geo.width - this.geo.left - this.geo.right
  }

  get page(): PageLayout {
    return this.pages[this.pages.length - 1]
  }

  /** Space left on this page, in points. */
  get remaining(): number {
    return this.geo.height - this.geo.bottom - this.cursor
  }

  /** True when nothing has been placed on the current page yet. */
  get atPageTop(): boolean {
    return this.cursor === this.geo.top
  }

  newPage(): void {
    this.pages.push({ ops: [] })
    this.cursor = this.geo.top
  }

  /** Starts a new page unless `height` points fit below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (height > this.remaining + 0.01 && !this.atPageTop) this.newPage()
  }

  /** The baseline of a line of `size` pt type centred in a line box of `pitch` pt starting at `top`. */
  baseline(top: number, pitch: number, size: number): number {
    // Ideographs fill roughly 0.88 em above the baseline and 0.12 em below it.
    return this.geo.height - (top + (pitch - size) / 2 + size * 0.88)
  }

  /**
   * Places one line of text in the box `[x, x + width]` at line top `top`. Justified lines (not the
   * last of a paragraph) get their slack spread over the gaps between characters — but never inside a
   * Latin word or a number ("10,000.00" stays set solid, the space goes around it); a line whose slack
   * would open gaps wider than a quarter em is left ragged instead, which reads better than spaced-out type.
   */
  placeLine(line: Line, opts: { x: number; width: number; top: number; pitch: number; size: number; align: Align; bold?: boolean }): void {
    const { size } = opts
    let spacing = 0
    let x = opts.x
    const slack = opts.width - line.width
    const pieces = line.segments.flatMap((seg) => (seg.text.match(LATIN_OR_NOT) ?? []).map((text) => ({ seg, text, latin: LATIN.test(text) })))
    const units = pieces.reduce((n, p) => n + (p.latin ? 1 : [...p.text].length), 0)
    if (opts.align === 'justify' && !line.last && units > 1 && slack > 0) {
      const cs = slack / (units - 1)
      if (cs <= size * 0.25) spacing = cs
    } else if (opts.align === 'center') x += Math.max(0, slack / 2)
    else if (opts.align === 'right') x += Math.max(0, slack)
    const y = this.baseline(opts.top, opts.pitch, size)
    for (const { seg, text, latin } of pieces) {
      const n = [...text].length
      const natural = this.measure(text) * size
      const op: TextOp = {
        kind: 'text', x, y, text, size, charSpacing: latin ? 0 : spacing, width: natural + (latin ? 0 : spacing * n),
        ...((seg.bold || opts.bold) && { bold: true }),
        ...(seg.underline && { underline: true }),
      }
      this.page.ops.push(op)
      x += op.width + (latin ? spacing : 0)
    }
  }

  /**
   * Places the lines of a paragraph, splitting it across pages. Widow/orphan control: never one line
   * alone at the bottom of a page, never one line alone at the top of the next.
   */
  placeParagraph(lines: Line[], opts: { x: number; width: number; pitch: number; size: number; align: Align; firstIndent: number; bold?: boolean; minLines?: number }): void {
    let i = 0
    while (i < lines.length) {
      const left = lines.length - i
      let fit = Math.floor((this.remaining + 0.01) / opts.pitch)
      if (fit >= left) fit = left
      else if (!this.atPageTop) {
        if (fit < Math.min(2, left) || fit < (opts.minLines ?? 0)) fit = 0
        else if (left - fit === 1) fit -= 1
      }
      if (fit <= 0) {
        if (this.atPageTop) fit = 1
        else { this.newPage(); continue }
      }
      for (let k = 0; k < fit; k++, i++) {
        const indent = i === 0 ? opts.firstIndent : 0
        this.placeLine(lines[i], { ...opts, x: opts.x + indent, width: opts.width - indent, top: this.cursor })
        this.cursor += opts.pitch
      }
      if (i < lines.length) this.newPage()
    }
  }
}
