import type { ExtractedTerms, Term, TermKey, TermValueOf } from './types'

/**
 * A user's correction of one extracted term. With `index`, it replaces (or, with value null, removes) that one
 * entry and keeps its span; an index one past the end adds an entry the reviewer missed (a fee, a penalty), without a
 * span. Without `index`, the whole term becomes the single corrected value (null = "the contract has no such term").
 * Corrections apply in order, each to the list the ones before it left. Corrected entries carry `corrected: true`,
 * so the UI and the stored review can show them.
 */
export type TermCorrection = {
  [K in TermKey]: { term: K; index?: number; value: TermValueOf<K> | null }
}[TermKey]

/**
 * Apply corrections in order and return a new term set (the input is not changed).
 *
 * @example applyCorrections(terms, [{ term: 'disbursedAmountFen', value: 900000 }])
 */
export function applyCorrections(terms: ExtractedTerms, corrections: readonly TermCorrection[]): ExtractedTerms {
  const out = { ...terms } as Record<TermKey, Term<unknown>[]>
  for (const c of corrections) {
    const list = out[c.term]
    if (c.index !== undefined) {
      if (c.index === list.length && c.value !== null) {
        out[c.term] = [...list, { value: c.value, start: 0, end: 0, text: '', corrected: true }]
        continue
      }
      if (c.index < 0 || c.index >= list.length) continue
      out[c.term] =
        c.value === null
          ? list.filter((_, i) => i !== c.index)
          : list.map((t, i) => (i === c.index ? { ...t, value: c.value, corrected: true } : t))
    } else if (c.value === null) {
      out[c.term] = []
    } else {
      const first = list[0]
      out[c.term] = [{ value: c.value, start: first?.start ?? 0, end: first?.end ?? 0, text: first?.text ?? '', corrected: true }]
    }
  }
  return out as unknown as ExtractedTerms
}
