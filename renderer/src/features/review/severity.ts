import type { Severity } from '../../../../shared/domain/review-terms'

/** How each severity looks: the clause highlight (background, underline) and the tag colour. */
export const SEVERITY_STYLE: Record<Severity, { background: string; border: string; tag: string }> = {
  critical: { background: '#fff1f0', border: '#ff4d4f', tag: 'red' },
  warning: { background: '#fffbe6', border: '#faad14', tag: 'gold' },
  info: { background: '#e6f4ff', border: '#1677ff', tag: 'blue' },
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 }

/** Yuan typed by a user ("9000", "9,000.50") → integer fen, or null; string arithmetic, no floats. */
export function yuanTextToFen(s: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s.replace(/,/g, '').trim())
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null
}
