/**
 * The parsed form of a template body. Every node keeps the 1-based line it starts on, so errors found
 * later (at fill time) can still point at the right line.
 */
export type Node =
  | { type: 'text'; text: string }
  | { type: 'value'; path: string[]; depth: number; filters: Filter[]; line: number }
  | { type: 'if'; path: string[]; depth: number; then: Node[]; otherwise: Node[]; line: number }
  | { type: 'each'; path: string[]; depth: number; body: Node[]; line: number }
  | { type: 'index'; base: 0 | 1; line: number }

/**
 * `depth` says where a path is looked up: 0 = the context itself, n = the item of the n-th enclosing
 * `{{#each}}` (counted from the outside), as decided when the template was parsed.
 *
 * Filters after a `|` in a placeholder:
 * - `upper`: an amount in Chinese capital numerals (壹万贰仟叁佰肆拾伍元陆角柒分)
 * - `yuan`: an amount with thousands separators (12,345.67)
 * - `date`: a date as 2024年7月1日
 * - `pct`: a decimal rate as a percentage (0.154 → 15.4%)
 * - `mask`: an ID or phone number with the middle hidden (4401**********1234)
 */
export const FILTERS = ['upper', 'yuan', 'date', 'pct', 'mask'] as const
export type Filter = (typeof FILTERS)[number]

export interface ParsedTemplate {
  nodes: Node[]
}
