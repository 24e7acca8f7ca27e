import { Alert, App, Button, Card, Input, Select, Space, Table, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import type { ClaimCalculation } from '../../../../shared/domain/calc'
import type { ClaimComponents, ClaimLine } from '../../../../shared/domain/claim'
import type { Loan } from '../../../../shared/domain/loan'
import { formatRatePercent } from '../../../../shared/domain/rate'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { claimAsText } from './claimText'
import { COMPONENT_LABELS, LINE_KIND_LABELS } from './labels'

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

/**
 * What the borrower legally owes on a chosen date: the contract's figures beside the supportable ones, the cap
 * in words, every period line with its legal basis on hover, and the whole as text to copy.
 */
export function ClaimPanel({ caseNo, loans }: { caseNo: string; loans: Loan[] }) {
  const { t, lang, msg } = useI18n()
  const { message } = App.useApp()
  const [loanId, setLoanId] = useState(loans[0]?.id)
  const [asOf, setAsOf] = useState(today)
  const [calc, setCalc] = useState<ClaimCalculation | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const label = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh)
  const loan = loans.find((l) => l.id === loanId)

  async function run() {
    if (!loanId) return
    setBusy(true)
    try {
      setCalc(await call('calc.claim', { loanId, asOf }))
      setError(null)
    } catch (e) {
      setCalc(null)
      setError(msg(e as { message: string; messageEn: string }))
    } finally {
      setBusy(false)
    }
  }

  async function copy() {
    if (!calc || !loan) return
    await navigator.clipboard.writeText(claimAsText(caseNo, loan.contractNo, asOf, calc.result))
    message.success(t('calc.copied'))
  }

  const r = calc?.result
  const rows = (Object.keys(COMPONENT_LABELS) as (keyof ClaimComponents)[]).map((k) => ({ key: k, label: label(COMPONENT_LABELS[k]), contract: r?.uncapped[k], supportable: r?.[k] }))
  return (
    <Card size="small" title={t('calc.title')} data-testid="claim-panel">
      <Space wrap style={{ marginBottom: 8 }}>
        {loans.length > 1 && <Select value={loanId} onChange={setLoanId} style={{ width: 200 }} options={loans.map((l) => ({ value: l.id, label: l.contractNo }))} />}
        <span>{t('calc.asOf')}</span>
        <Input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} style={{ width: 150 }} data-testid="calc-as-of" />
        <Button type="primary" onClick={run} loading={busy} data-testid="calc-run">{t('calc.run')}</Button>
        {r && <Button onClick={copy} data-testid="calc-copy">{t('calc.copy')}</Button>}
      </Space>
      {error && <Alert type="error" title={error} data-testid="calc-error" />}
      {r && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Table
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="calc-summary"
            columns={[
              { title: '', dataIndex: 'label', width: 160 },
              { title: t('calc.byContract'), dataIndex: 'contract', align: 'right' },
              { title: t('calc.supportable'), dataIndex: 'supportable', align: 'right', render: (v: string, row) => <b data-testid={`calc-${row.key}`}>{v}</b> },
            ]}
          />
          <Typography.Paragraph data-testid="calc-cap" style={{ margin: 0 }}>
            {t('calc.cap')}：{lang === 'en' ? r.cap.basisEn : r.cap.basis}
          </Typography.Paragraph>
          {r.warnings.map((w) => <Alert key={w.code + w.message} type="warning" title={lang === 'en' ? w.messageEn : w.message} />)}
          <Table<ClaimLine>
            size="small"
            rowKey={(l) => `${l.kind}-${l.from}-${l.to}-${l.base}`}
            pagination={false}
            dataSource={r.lines}
            scroll={{ y: 320 }}
            columns={[
              { title: t('calc.from'), dataIndex: 'from', width: 100 },
              { title: t('calc.to'), dataIndex: 'to', width: 100 },
              { title: t('calc.days'), dataIndex: 'days', width: 60, align: 'right' },
              { title: t('calc.kind'), dataIndex: 'kind', width: 130, render: (k: ClaimLine['kind'], l) => <Tooltip title={lang === 'en' ? l.basisEn : l.basis}><span data-testid="calc-line-kind">{label(LINE_KIND_LABELS[k])}</span></Tooltip> },
              { title: t('calc.base'), dataIndex: 'base', align: 'right' },
              { title: t('calc.rate'), dataIndex: 'rate', align: 'right', render: (v: string | null) => formatRatePercent(v) },
              { title: t('calc.amount'), dataIndex: 'amount', align: 'right' },
            ]}
          />
        </Space>
      )}
    </Card>
  )
}
