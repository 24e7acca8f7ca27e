import { Alert, Button, Card, Form, Input, Space, Tag } from 'antd'
import { useState } from 'react'
import { fenToYuan } from '../../../../shared/domain/money'
import type { StoredReview, TermCorrectionInput } from '../../../../shared/domain/review'
import type { TermKey } from '../../../../shared/domain/review-terms'
import type { MessageKey } from '../../i18n/messages'
import { useI18n } from '../../i18n'
import { yuanTextToFen } from './severity'

/** A term the form edits: how its stored value reads as text, and how typed text becomes a value again. */
interface Field {
  term: TermKey
  label: MessageKey
  show(v: unknown): string
  parse(s: string): unknown | undefined
}

const rate = (s: string) => (/^\d(\.\d{1,10})?$/.test(s) ? { annual: s, per: 'year', written: s } : undefined)
const FIELDS: Field[] = [
  { term: 'contractAmountFen', label: 'review.contractAmount', show: (v) => fenToYuan(v as number), parse: (s) => yuanTextToFen(s) ?? undefined },
  { term: 'disbursedAmountFen', label: 'review.disbursed', show: (v) => fenToYuan(v as number), parse: (s) => yuanTextToFen(s) ?? undefined },
  { term: 'interestRate', label: 'review.interestRate', show: (v) => (v as { annual: string | null }).annual ?? '', parse: rate },
  { term: 'overdueRate', label: 'review.overdueRate', show: (v) => (v as { annual: string | null }).annual ?? '', parse: rate },
  { term: 'contractDate', label: 'review.contractDate', show: (v) => v as string, parse: (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined) },
  { term: 'termMonths', label: 'review.termMonths', show: (v) => String(v), parse: (s) => (/^\d{1,3}$/.test(s) ? Number(s) : undefined) },
]

/**
 * The key extracted terms as an editable form. Saving sends the review's whole correction list: earlier corrections
 * of other terms are kept, a changed field replaces its term, an emptied field says the contract has no such term.
 */
export function TermsForm({ review, onSave }: { review: StoredReview; onSave(corrections: TermCorrectionInput[]): Promise<void> }) {
  const { t } = useI18n()
  const current = (f: Field) => {
    const first = (review.terms[f.term] as { value: unknown }[])[0]
    return first ? f.show(first.value) : ''
  }
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.term, current(f)])))
  const [bad, setBad] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function save() {
    const changed: TermCorrectionInput[] = []
    for (const f of FIELDS) {
      const typed = values[f.term].trim()
      if (typed === current(f)) continue
      const value = typed === '' ? null : f.parse(typed)
      if (value === undefined) {
        setBad(t(f.label))
        return
      }
      changed.push({ term: f.term, value } as TermCorrectionInput)
    }
    setBad(null)
    const kept = review.corrections.filter((c) => !changed.some((n) => n.term === c.term))
    setBusy(true)
    try {
      await onSave([...kept, ...changed])
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" title={t('review.terms')}>
      <Form layout="vertical" size="small">
        <Space wrap align="start">
          {FIELDS.map((f) => (
            <Form.Item
              key={f.term}
              label={
                <span>
                  {t(f.label)} {(review.terms[f.term] as { corrected?: boolean }[])[0]?.corrected && <Tag color="purple" data-testid={`corrected-${f.term}`}>{t('review.corrected')}</Tag>}
                </span>
              }
              style={{ width: 170 }}
            >
              <Input value={values[f.term]} onChange={(e) => setValues({ ...values, [f.term]: e.target.value })} data-testid={`term-${f.term}`} />
            </Form.Item>
          ))}
        </Space>
        {bad && <Alert type="error" title={bad} style={{ marginBottom: 8 }} data-testid="term-error" />}
        <Button type="primary" onClick={save} loading={busy} data-testid="terms-save">
          {t('review.save')}
        </Button>
      </Form>
    </Card>
  )
}
