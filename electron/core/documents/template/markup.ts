import type { Align, Block, Run, SignatureBlock, TableBlock } from '../model'
import { VALUE_END, VALUE_START } from './fill'

/**
 * The small line-based markup template bodies are written in, read after filling:
 *
 *     # 标题                      title
 *     ## 诉讼请求                 heading, numbered 一、二、…   (`##* text` = unnumbered)
 *     ### 本金                    sub-heading, numbered （一）（二）… (`###* text` = unnumbered)
 *     | 序号 | 名称 |             table row; a row of dashes |-1-|:-4-:| ends the header rows and
 *     |-1-|:-4-:|                 gives column weights (digits) and alignment (colons)
 *     - item / 1. item            list items
 *     @sign 具状人：张三           signature line (`@seal` adds 盖章)
 *     @date 2024年7月1日           date line
 *     @right / @center / @left    aligned paragraph without first-line indent
 *     @header text                running header on every page
 *     @space 2 / @pagebreak
 *     **bold** __underline__      inline emphasis
 *     anything else               a justified paragraph with a 2-character indent
 *
 * Text from case data arrives wrapped in VALUE_START…VALUE_END and is never read as markup.
 */
export interface MarkupResult {
  blocks: Block[]
  header?: string
}

const CN_NUMBERS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 1 → 一, 12 → 十二, 21 → 二十一 (headings rarely pass 99). */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return CN_NUMBERS[n]
  if (n < 20) return '十' + CN_NUMBERS[n - 10]
  const tens = Math.floor(n / 10)
  return CN_NUMBERS[tens] + '十' + (n % 10 ? CN_NUMBERS[n % 10] : '')
}

/** Removes the value markers, for places that keep plain text. */
export function plain(s: string): string {
  return s.replaceAll(VALUE_START, '').replaceAll(VALUE_END, '')
}

/** Splits text into runs on **bold** and __underline__ markers that lie outside data values. */
export function parseInline(s: string): Run[] {
  const runs: Run[] = []
  let bold = false
  let underline = false
  let buf = ''
  let inValue = false
  const flush = () => {
    if (buf) runs.push({ text: buf, ...(bold && { bold }), ...(underline && { underline }) })
    buf = ''
  }
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === VALUE_START) { inValue = true; continue }
    if (c === VALUE_END) { inValue = false; continue }
    if (!inValue && (c === '*' || c === '_') && s[i + 1] === c) {
      flush()
      if (c === '*') bold = !bold
      else underline = !underline
      i++
      continue
    }
    buf += c
  }
  flush()
  return runs.length ? runs : [{ text: '' }]
}

/** Splits a `| a | b |` row on the pipes that lie outside data values. */
function splitCells(line: string): string[] {
  const cells: string[] = []
  let inValue = false
  let cur = ''
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '')
  for (const c of body) {
    if (c === VALUE_START) inValue = true
    if (c === VALUE_END) inValue = false
    if (c === '|' && !inValue) { cells.push(cur.trim()); cur = '' } else cur += c
  }
  cells.push(cur.trim())
  return cells
}

const SEPARATOR_CELL = /^(:?)-+(\d*)-*(:?)$/

function tableFrom(lines: string[]): TableBlock {
  const rows = lines.map(splitCells)
  const sepAt = rows.findIndex((r) => r.every((c) => SEPARATOR_CELL.test(c)))
  const width = Math.max(...rows.map((r) => r.length))
  const columns = Array.from({ length: width }, () => ({ weight: 1, align: 'left' as Align }))
  if (sepAt >= 0) {
    rows[sepAt].forEach((c, i) => {
      const m = SEPARATOR_CELL.exec(c)!
      columns[i] = { weight: m[2] ? Number(m[2]) : 1, align: m[1] && m[3] ? 'center' : m[3] ? 'right' : 'left' }
    })
  }
  const body = rows.filter((_, i) => i !== sepAt).map((r) => Array.from({ length: width }, (_, i) => parseInline(r[i] ?? '')))
  return { kind: 'table', columns, headerRows: Math.max(0, sepAt), rows: body }
}

/** Turns filled template text into document blocks. */
export function markupToBlocks(text: string): MarkupResult {
  const blocks: Block[] = []
  let header: string | undefined
  const lines = text.split('\n')
  let h1 = 0
  let h2 = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line) continue
    if (line.startsWith('|')) {
      const group = [line]
      while (i + 1 < lines.length && lines[i + 1].trim().startsWith('|')) group.push(lines[++i].trim())
      blocks.push(tableFrom(group))
      continue
    }
    const list = /^(-|\d+\.)\s+/.exec(line)
    if (list) {
      const ordered = list[1] !== '-'
      const items = [parseInline(line.slice(list[0].length))]
      const re = ordered ? /^\d+\.\s+/ : /^-\s+/
      while (i + 1 < lines.length && re.test(lines[i + 1].trim())) items.push(parseInline(lines[++i].trim().replace(re, '')))
      blocks.push({ kind: 'list', ordered, items })
      continue
    }
    const sign = /^@(sign|seal)\s+(.*)$/.exec(line)
    if (sign) {
      const block: SignatureBlock = { kind: 'signature', lines: [] }
      let m: RegExpExecArray | null = sign
      for (;;) {
        const body = plain(m[2])
        const cut = body.indexOf('：')
        block.lines.push({ label: cut >= 0 ? body.slice(0, cut + 1) : body, name: cut >= 0 ? body.slice(cut + 1).trim() : '', seal: m[1] === 'seal' })
        if (i + 1 >= lines.length || !(m = /^@(sign|seal)\s+(.*)$/.exec(lines[i + 1].trim()))) break
        i++
      }
      blocks.push(block)
      continue
    }
    const heading = /^(#{1,3})(\*?)\s+(.*)$/.exec(line)
    if (heading) {
      const text = plain(heading[3])
      if (heading[1] === '#') blocks.push({ kind: 'title', text })
      else if (heading[1] === '##') blocks.push({ kind: 'heading', level: 1, number: heading[2] ? '' : `${chineseOrdinal(++h1)}、`, text: (h2 = 0, text) })
      else blocks.push({ kind: 'heading', level: 2, number: heading[2] ? '' : `（${chineseOrdinal(++h2)}）`, text })
      continue
    }
    const directive = /^@(\w+)\s*(.*)$/.exec(line)
    if (directive) {
      const [, name, rest] = directive
      if (name === 'date') blocks.push({ kind: 'dateLine', text: plain(rest) })
      else if (name === 'header') header = plain(rest)
      else if (name === 'pagebreak') blocks.push({ kind: 'pageBreak' })
      else if (name === 'space') blocks.push({ kind: 'spacer', lines: Math.max(1, Number(rest) || 1) })
      else if (name === 'right' || name === 'center' || name === 'left') blocks.push({ kind: 'paragraph', runs: parseInline(rest), align: name, indent: false })
      else blocks.push({ kind: 'paragraph', runs: parseInline(line), align: 'justify', indent: true })
      continue
    }
    blocks.push({ kind: 'paragraph', runs: parseInline(line), align: 'justify', indent: true })
  }
  return { blocks, header }
}
