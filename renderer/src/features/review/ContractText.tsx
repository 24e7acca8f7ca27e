import type { Finding } from '../../../../shared/domain/review-terms'
import { SEVERITY_RANK, SEVERITY_STYLE } from './severity'

/**
 * The contract text with every finding's clause highlighted in its severity's colour. Overlapping clauses are
 * cut into segments; a segment takes the most severe colour of the findings covering it. Each finding gets an
 * anchor (`clause-<index>`) where its clause starts, so the findings list can scroll to it.
 */
export function ContractText({ text, findings, selected, onSelect }: { text: string; findings: Finding[]; selected: number | null; onSelect(i: number): void }) {
  const spans = findings.map((f, i) => ({ ...f, i })).filter((f) => f.end > f.start)
  const cuts = [...new Set([0, text.length, ...spans.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b)
  const parts = cuts.slice(0, -1).map((from, k) => {
    const to = cuts[k + 1]
    const covering = spans.filter((f) => f.start <= from && f.end >= to).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    const anchors = spans.filter((f) => f.start === from)
    const chunk = text.slice(from, to)
    const top = covering[0]
    return (
      <span key={from}>
        {anchors.map((f) => (
          <span key={f.i} id={`clause-${f.i}`} />
        ))}
        {top ? (
          <mark
            data-testid="clause"
            data-severity={top.severity}
            data-codes={covering.map((f) => f.code).join(' ')}
            onClick={() => onSelect(top.i)}
            style={{
              background: SEVERITY_STYLE[top.severity].background,
              borderBottom: `2px solid ${SEVERITY_STYLE[top.severity].border}`,
              outline: covering.some((f) => f.i === selected) ? `2px solid ${SEVERITY_STYLE[top.severity].border}` : undefined,
              padding: 0, cursor: 'pointer',
            }}
            title={covering.map((f) => f.message).join('\n')}
          >
            {chunk}
          </mark>
        ) : (
          chunk
        )}
      </span>
    )
  })
  return (
    <pre data-testid="contract-text" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 13, lineHeight: 1.8, margin: 0, maxHeight: '70vh', overflow: 'auto' }}>
      {parts}
    </pre>
  )
}
