import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { StoredReview, TermCorrectionInput } from '../../../../shared/domain/review'
import type { FeeValue, PenaltyValue } from '../../../../shared/domain/review-terms'
import { useI18n } from '../../i18n'
import type { MessageKey } from '../../i18n/messages'
import {
  feeDraft, feeValue, listCorrections, penaltyDraft, penaltyValue, readFields, TERM_FIELDS,
  type FeeDraft, type Inputs, type PenaltyDraft,
} from './term-fields'

const FEE_NAMES: FeeValue['name'][] = ['服务费', '手续费', '管理费', '咨询费', '会员费', '担保费', '审核费', '平台费', '保证金']
const PERS: FeeValue['per'][] = ['once', 'month', 'year', 'day']
const NEW_FEE: FeeDraft = { name: '服务费', amount: '', fraction: '', per: 'once', deducted: false, overdue: false }

/**
 * Every extracted term as an editable form: parties and IDs, contract number, dates, amounts, term, method, rates,
 * day basis, the clauses (deducted interest, compound interest, acceleration, e-signature, jurisdiction,
 * arbitration), and the fees and penalties entry by entry. Saving sends the review's whole correction list: a changed
 * single-valued term replaces its earlier corrections; list edits are appended to the stored ones (they are relative
 * to the list those produced). The review is then recomputed by the core, so the findings follow.
 */
export function TermsForm({ review, onSave }: { review: StoredReview; onSave(corrections: TermCorrectionInput[]): Promise<void> }) {
  const { t } = useI18n()
  const initial = readFields(review.terms)
  const [values, setValues] = useState<Inputs>(initial)
  const [fees, setFees] = useState<FeeDraft[]>(() => review.terms.fees.map((f) => feeDraft(f.value)))
  const [newFees, setNewFees] = useState<FeeDraft[]>([])
  const [penalties, setPenalties] = useState<PenaltyDraft[]>(() => review.terms.penalty.map((p) => penaltyDraft(p.value)))
  const [newPenalties, setNewPenalties] = useState<PenaltyDraft[]>([])
  const [bad, setBad] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  function collect(): TermCorrectionInput[] | string {
    const changed: TermCorrectionInput[] = []
    for (const f of TERM_FIELDS) {
      if (f.inputs.every((i) => (values[i.key] ?? '').trim() === (initial[i.key] ?? '').trim())) continue
      const value = f.parse(values)
      if (value === undefined) return t(f.inputs[0].label)
      changed.push({ term: f.term, value } as TermCorrectionInput)
    }
    const kept = review.corrections.filter((c) => !changed.some((n) => n.term === c.term))
    const feeList: (FeeValue | null)[] = []
    for (const d of fees) {
      const v = d.removed ? null : feeValue(d)
      if (v === undefined) return t('review.fees')
      feeList.push(v)
    }
    const feeAdds = newFees.filter((d) => !d.removed).map(feeValue)
    if (feeAdds.some((v) => v === undefined)) return t('review.fees')
    const penaltyList: (PenaltyValue | null)[] = []
    for (const [i, d] of penalties.entries()) {
      const v = d.removed ? null : penaltyValue(d, review.terms.penalty[i].value)
      if (v === undefined) return t('review.penalty')
      penaltyList.push(v)
    }
    const penaltyAdds = newPenalties.filter((d) => !d.removed).map((d) => penaltyValue(d))
    if (penaltyAdds.some((v) => v === undefined)) return t('review.penalty')
    return [
      ...kept, ...changed,
      ...listCorrections('fees', review.terms.fees.map((f) => f.value), feeList, feeAdds as FeeValue[]),
      ...listCorrections('penalty', review.terms.penalty.map((p) => p.value), penaltyList, penaltyAdds as PenaltyValue[]),
    ]
  }

  async function save() {
    const r = collect()
    if (typeof r === 'string') return setBad(r)
    setBad(null)
    setBusy(true)
    try {
      await onSave(r)
    } finally {
      setBusy(false)
    }
  }

  const corrected = (term: keyof StoredReview['terms']) => (review.terms[term] as { corrected?: boolean }[]).some((x) => x.corrected)
  const set = (key: string, v: string) => setValues({ ...values, [key]: v })
  const feeRow = (d: FeeDraft, i: number, update: (d: FeeDraft) => void, prefix: string) => (
    <Space key={`${prefix}${i}`} wrap data-testid={`${prefix}-row`} style={{ opacity: d.removed ? 0.4 : 1 }}>
      <Select size="small" style={{ width: 90 }} value={d.name} onChange={(name) => update({ ...d, name })} options={FEE_NAMES.map((n) => ({ value: n, label: n }))} data-testid={`${prefix}-name`} />
      <Input size="small" style={{ width: 110 }} addonAfter="元" placeholder={t('review.feeAmount')} value={d.amount} onChange={(e) => update({ ...d, amount: e.target.value })} data-testid={`${prefix}-amount`} />
      <Input size="small" style={{ width: 130 }} placeholder={t('review.feeFraction')} value={d.fraction} onChange={(e) => update({ ...d, fraction: e.target.value })} data-testid={`${prefix}-fraction`} />
      <Select size="small" style={{ width: 90 }} value={d.per} onChange={(per) => update({ ...d, per })} options={PERS.map((p) => ({ value: p, label: t(`review.per.${p}` as MessageKey) }))} data-testid={`${prefix}-per`} />
      <Checkbox checked={d.deducted} onChange={(e) => update({ ...d, deducted: e.target.checked })} data-testid={`${prefix}-deducted`}>{t('review.feeDeducted')}</Checkbox>
      <Checkbox checked={d.overdue} onChange={(e) => update({ ...d, overdue: e.target.checked })} data-testid={`${prefix}-overdue`}>{t('review.feeOverdue')}</Checkbox>
      <Button size="small" type="link" onClick={() => update({ ...d, removed: !d.removed })} data-testid={`${prefix}-remove`}>{d.removed ? t('review.restore') : t('review.remove')}</Button>
    </Space>
  )
  const penaltyRow = (d: PenaltyDraft, i: number, update: (d: PenaltyDraft) => void, prefix: string) => (
    <Space key={`${prefix}${i}`} wrap data-testid={`${prefix}-row`} style={{ opacity: d.removed ? 0.4 : 1 }}>
      <Select size="small" style={{ width: 150 }} value={d.kind} onChange={(kind) => update({ ...d, kind })} data-testid={`${prefix}-kind`}
        options={(['rate', 'amount', 'fraction'] as const).map((k) => ({ value: k, label: t(`review.penalty.${k}` as MessageKey) }))} />
      <Input size="small" style={{ width: 130 }} value={d.figure} onChange={(e) => update({ ...d, figure: e.target.value })} data-testid={`${prefix}-figure`} />
      <Button size="small" type="link" onClick={() => update({ ...d, removed: !d.removed })} data-testid={`${prefix}-remove`}>{d.removed ? t('review.restore') : t('review.remove')}</Button>
    </Space>
  )
  const at = <T,>(list: T[], setList: (l: T[]) => void, i: number) => (v: T) => setList(list.map((x, j) => (j === i ? v : x)))

  return (
    <Card size="small" title={t('review.terms')}>
      <Form layout="vertical" size="small">
        <Space wrap align="start">
          {TERM_FIELDS.map((f) => (
            <Form.Item key={f.term} style={{ width: f.inputs.length > 1 ? 360 : 170 }}
              label={<span>{t(f.inputs[0].label)} {corrected(f.term) && <Tag color="purple" data-testid={`corrected-${f.term}`}>{t('review.corrected')}</Tag>}</span>}>
              <Space.Compact style={{ width: '100%' }}>
                {f.inputs.map((i) =>
                  i.kind === 'check' ? (
                    <Checkbox key={i.key} checked={!!values[i.key]} onChange={(e) => set(i.key, e.target.checked ? 'yes' : '')} data-testid={`term-${i.key}`}>{t('review.present')}</Checkbox>
                  ) : i.kind === 'select' ? (
                    <Select key={i.key} allowClear style={{ width: '100%' }} value={values[i.key] || undefined} onChange={(v?: string) => set(i.key, v ?? '')} data-testid={`term-${i.key}`}
                      options={i.options!.map((o) => ({ value: o.value, label: t(o.label) }))} />
                  ) : (
                    <Input key={i.key} placeholder={f.inputs.length > 1 ? t(i.label) : undefined} value={values[i.key]} onChange={(e) => set(i.key, e.target.value)} data-testid={`term-${i.key}`} />
                  ),
                )}
              </Space.Compact>
            </Form.Item>
          ))}
        </Space>
        <Typography.Text strong>{t('review.fees')} {corrected('fees') && <Tag color="purple" data-testid="corrected-fees">{t('review.corrected')}</Tag>}</Typography.Text>
        <Space orientation="vertical" style={{ width: '100%', margin: '4px 0 8px' }}>
          {fees.map((d, i) => feeRow(d, i, at(fees, setFees, i), 'fee'))}
          {newFees.map((d, i) => feeRow(d, i, at(newFees, setNewFees, i), 'new-fee'))}
          <Button size="small" onClick={() => setNewFees([...newFees, NEW_FEE])} data-testid="fee-add">{t('review.add')}</Button>
        </Space>
        <Typography.Text strong>{t('review.penalty')} {corrected('penalty') && <Tag color="purple" data-testid="corrected-penalty">{t('review.corrected')}</Tag>}</Typography.Text>
        <Space orientation="vertical" style={{ width: '100%', margin: '4px 0 8px' }}>
          {penalties.map((d, i) => penaltyRow(d, i, at(penalties, setPenalties, i), 'penalty'))}
          {newPenalties.map((d, i) => penaltyRow(d, i, at(newPenalties, setNewPenalties, i), 'new-penalty'))}
          <Button size="small" onClick={() => setNewPenalties([...newPenalties, { kind: 'amount', figure: '' }])} data-testid="penalty-add">{t('review.add')}</Button>
        </Space>
        {bad && <Alert type="error" title={`${t('review.badTerm')}${bad}`} style={{ marginBottom: 8 }} data-testid="term-error" />}
        <Button type="primary" onClick={save} loading={busy} data-testid="terms-save">
          {t('review.save')}
        </Button>
      </Form>
    </Card>
  )
}
