import { Alert, Radio, Space, Table, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { PaymentOrderAdvice, PaymentOrderFactsView } from '../../../../shared/domain/collection-facts'
import { call } from '../../api'
import { useI18n } from '../../i18n'

type Failure = { message: string; messageEn: string }
type Condition = PaymentOrderAdvice['conditions'][number]

/**
 * The lawyer's answer behind each 支付令 condition (民诉解释第427–428条). `invert`: the fact states the
 * opposite of the condition (claiming items the contract lacks breaks it). Conditions absent here
 * (a money claim; no pre-suit preservation) come from the store and are shown, not edited.
 */
const FACT_OF: Record<string, { key: keyof PaymentOrderFactsView; invert?: true }> = {
  DUE_AND_CERTAIN: { key: 'dueAndAmountCertain' }, NO_OTHER_DISPUTE: { key: 'noOtherDebtDispute' }, NO_COUNTER_OBLIGATION: { key: 'noCounterObligation' },
  DEBTOR_LOCATABLE: { key: 'debtorLocatable' }, CAN_BE_SERVED: { key: 'canBeServed' }, ONLY_AGREED_ITEMS: { key: 'claimsItemsNotAgreed', invert: true },
}
const VERDICT_COLOR = { eligible: 'green', 'not-eligible': 'red', check: 'gold' } as const

/** 支付令 conditions checked for the case, with the verdict: each editable condition met / not met / to check. */
export function PaymentOrderCard({ caseId }: { caseId: string }) {
  const { t, lang, msg } = useI18n()
  const [advice, setAdvice] = useState<PaymentOrderAdvice | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => setAdvice(await call('paymentOrder.get', { id: caseId })), [caseId])
  useEffect(() => void load(), [load])
  if (!advice) return null

  async function answer(c: Condition, met: boolean | undefined) {
    const f = FACT_OF[c.code]
    const facts: PaymentOrderFactsView = { ...advice!.facts }
    if (met === undefined) delete facts[f.key]
    else facts[f.key] = f.invert ? !met : met
    try {
      setAdvice(await call('paymentOrder.set', { caseId, ...facts }))
      setError(null)
    } catch (e) {
      setError(msg(e as Failure))
    }
  }

  const choice = (met: boolean | null) => (met === null ? 'check' : met ? 'yes' : 'no')
  const choices = [{ value: 'yes', label: t('po.met') }, { value: 'no', label: t('po.notMet') }, { value: 'check', label: t('po.check') }]
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="po-card">
      <Space>
        <Typography.Text strong>{t('po.title')}</Typography.Text>
        <Tag color={VERDICT_COLOR[advice.verdict]} data-testid="po-verdict">{t(`po.verdict.${advice.verdict}`)}</Tag>
      </Space>
      {error && <Alert type="error" title={error} data-testid="po-error" />}
      <Table size="small" rowKey="code" pagination={false} dataSource={advice.conditions} data-testid="po-conditions" columns={[
        { title: t('po.condition'), dataIndex: 'zh', render: (_: string, c: Condition) => (lang === 'en' ? c.en : c.zh) },
        { title: t('po.basis'), dataIndex: 'basis' },
        {
          title: t('po.answer'), key: 'answer', render: (_: unknown, c: Condition) => FACT_OF[c.code]
            ? <Radio.Group size="small" optionType="button" value={choice(c.met)} options={choices} data-testid={`po-${c.code}`} onChange={(e) => void answer(c, e.target.value === 'check' ? undefined : e.target.value === 'yes')} />
            : <Tag color={c.met ? 'green' : 'red'}>{c.met ? t('po.met') : t('po.notMet')}</Tag>,
        },
      ]} />
      <Typography.Text type="secondary">{lang === 'en' ? advice.noteEn : advice.note}</Typography.Text>
    </Space>
  )
}
