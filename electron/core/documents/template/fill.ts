import { formatDateZh, formatRatePct, formatUpper, formatYuan, maskNumber } from '../format'
import type { Filter, Node, ParsedTemplate } from './ast'

/** What a missing value prints as: a visible line to write on by hand. */
export const BLANK = '＿＿＿＿'

/**
 * Values from case data are wrapped in these private-use characters in the filled text, so the markup
 * reader treats them as plain text: a borrower called "**A|B" cannot start a table or make bold type.
 */
export const VALUE_START = '\uE000'
export const VALUE_END = '\uE001'

export interface FilledText {
  text: string
  /** Dotted paths of the values that were absent or unusable, in first-seen order (`loans[0].contractNo`). */
  missing: string[]
}

interface Frame {
  value: unknown
  /** How this scope's fields are named in `missing` ('' for the context, 'loans[0].' for a loan). */
  prefix: string
}

function get(obj: unknown, path: string[]): unknown {
  let v = obj
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[p]
  }
  return v
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0
  return v !== undefined && v !== null && v !== '' && v !== false && v !== 0
}

const FILTER_FNS: Record<Filter, (s: string) => string | undefined> = {
  upper: formatUpper,
  yuan: formatYuan,
  date: formatDateZh,
  pct: formatRatePct,
  mask: maskNumber,
}

function printable(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.replace(/\s*\n\s*/g, ' ')
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined
  if (typeof v === 'boolean') return v ? '是' : '否'
  return undefined
}

/**
 * Fills a parsed template with data. Never throws for missing data: an absent or unusable value prints
 * as {@link BLANK} and its path is added to `missing`.
 */
export function fillTemplate(template: ParsedTemplate, data: unknown): FilledText {
  const missing = new Set<string>()
  const frames: Frame[] = [{ value: data, prefix: '' }]
  const indexes: number[] = []
  let out = ''

  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          out += n.text
          break
        case 'index':
          out += String(indexes[indexes.length - 1] + n.base)
          break
        case 'value': {
          const frame = frames[n.depth]
          let s = printable(get(frame.value, n.path))
          for (const f of n.filters) s = s === undefined ? undefined : FILTER_FNS[f](s)
          if (s === undefined) missing.add(frame.prefix + n.path.join('.'))
          out += VALUE_START + (s ?? BLANK) + VALUE_END
          break
        }
        case 'if':
          walk(truthy(get(frames[n.depth].value, n.path)) ? n.then : n.otherwise)
          break
        case 'each': {
          const frame = frames[n.depth]
          const list = get(frame.value, n.path)
          if (!Array.isArray(list)) break
          const saved = frames.length
          list.forEach((item, i) => {
            frames.length = saved
            frames.push({ value: item, prefix: `${frame.prefix}${n.path.join('.')}[${i}].` })
            indexes.push(i)
            walk(n.body)
            indexes.pop()
          })
          frames.length = saved
          break
        }
      }
    }
  }
  walk(template.nodes)
  return { text: out, missing: [...missing] }
}
