import { Alert, Button, Descriptions, Input, Select, Space, Table, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { DeadlineRow, LitigationRecord } from '../../../../shared/domain/collection'
import { formatFen } from '../../../../shared/domain/money'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { PaymentOrderCard } from './PaymentOrderCard'
import { COURT_EVENT_LABELS, DEADLINE_LABELS, options, pick, PROCEDURE_LABELS, yuanToFen } from './labels'

type Failure = { message: string; messageEn: string }

/**
 * Litigation and enforcement on the case page: procedure, court, 案号 (checked by the core), filing date and
 * the court fees; court events (preservation, payment order, hearings, judgment, service, enforcement) with
 * the deadlines that follow from them (service of a judgment → appeal period, enforcement period); the 支付令 conditions.
 */
export function LitigationPanel({ caseId, onChanged }: { caseId: string; onChanged(): void }) {
  const { t, lang, msg } = useI18n()
  const [rec, setRec] = useState<LitigationRecord | null>(null)
  const [deadlines, setDeadlines] = useState<DeadlineRow[]>([])
  const [form, setForm] = useState({ procedure: '', court: '', caseNumber: '', filingDate: '' })
  const [ev, setEv] = useState({ kind: 'filing', date: '', court: '', caseNumber: '', amount: '', note: '' })
  const [error, setError] = useState<string | null>(null)
  const [evError, setEvError] = useState<string | null>(null)
  const load = useCallback(async () => {
    const r = await call('litigation.get', { id: caseId })
    setRec(r)
    setForm({ procedure: r.procedure ?? '', court: r.court ?? '', caseNumber: r.caseNumber ?? '', filingDate: r.filingDate ?? '' })
    setDeadlines((await call('deadlines.forCase', { id: caseId })).deadlines.filter((d) => d.kind !== 'limitation'))
  }, [caseId])
  useEffect(() => void load(), [load])

  async function save() {
    try {
      await call('litigation.update', {
        caseId, ...(form.procedure && { procedure: form.procedure as never }), ...(form.court && { court: form.court }),
        ...(form.caseNumber && { caseNumber: form.caseNumber }), ...(form.filingDate && { filingDate: form.filingDate }),
      })
      setError(null)
      await load()
      onChanged()
    } catch (e) {
      setError(msg(e as Failure))
    }
  }

  async function addEvent() {
    try {
      await call('litigation.addEvent', {
        caseId, kind: ev.kind as never, date: ev.date, ...(ev.court && { court: ev.court }), ...(ev.caseNumber && { caseNumber: ev.caseNumber }),
        // An unparsable amount is sent as-is so the contract names the field.
        ...(ev.amount && { amountFen: (yuanToFen(ev.amount) ?? ev.amount) as number }), ...(ev.note && { note: ev.note }),
      })
      setEvError(null)
      setEv((x) => ({ ...x, amount: '', note: '' }))
      await load()
      onChanged()
    } catch (e) {
      setEvError(msg(e as Failure))
    }
  }

  if (!rec) return null
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }))
  const setE = (k: keyof typeof ev) => (v: string) => setEv((f) => ({ ...f, [k]: v }))
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="litigation-panel">
      <Space wrap>
        <Select placeholder={t('lit.procedure')} value={form.procedure || undefined} onChange={set('procedure')} options={options(PROCEDURE_LABELS, lang)} style={{ width: 130 }} data-testid="lit-procedure" />
        <Input placeholder={t('stage.court')} value={form.court} onChange={(e) => set('court')(e.target.value)} style={{ width: 200 }} data-testid="lit-court" />
        <Input placeholder={`${t('stage.caseNumber')}（2026）浙0106民初1234号`} value={form.caseNumber} onChange={(e) => set('caseNumber')(e.target.value)} style={{ width: 240 }} data-testid="lit-case-number" />
        <Input type="date" value={form.filingDate} onChange={(e) => set('filingDate')(e.target.value)} style={{ width: 150 }} aria-label={t('stage.filingDate')} data-testid="lit-filing-date" />
        <Button type="primary" onClick={save} data-testid="lit-save">{t('lit.save')}</Button>
      </Space>
      {error && <Alert type="error" title={error} data-testid="lit-error" />}
      <Descriptions size="small" column={3} items={[
        { key: 'claim', label: t('lit.claim'), children: rec.claimYuan ?? '—' },
        { key: 'fee', label: t('lit.fee'), children: <span data-testid="lit-fee">{rec.procedureFee ?? rec.fees?.fullFee ?? '—'}</span> },
        { key: 'pres', label: t('lit.preservationFee'), children: rec.fees?.preservationFee ?? '—' },
      ]} />
      <ul style={{ margin: 0 }} data-testid="lit-hints">{rec.hints.map((h, i) => <li key={i}><Typography.Text type="secondary">{lang === 'en' ? h.en : h.zh}</Typography.Text></li>)}</ul>

      <PaymentOrderCard caseId={caseId} />
      <Typography.Text strong>{t('lit.events')}</Typography.Text>
      <Space wrap>
        <Select value={ev.kind} onChange={setE('kind')} options={options(COURT_EVENT_LABELS, lang)} style={{ width: 130 }} data-testid="ev-kind" />
        <Input type="date" value={ev.date} onChange={(e) => setE('date')(e.target.value)} style={{ width: 150 }} aria-label={t('lit.eventDate')} data-testid="ev-date" />
        <Input placeholder={t('lit.amount')} value={ev.amount} onChange={(e) => setE('amount')(e.target.value)} style={{ width: 130 }} data-testid="ev-amount" />
        <Input placeholder={t('stage.caseNumber')} value={ev.caseNumber} onChange={(e) => setE('caseNumber')(e.target.value)} style={{ width: 200 }} data-testid="ev-case-number" />
        <Input placeholder={t('action.note')} value={ev.note} onChange={(e) => setE('note')(e.target.value)} style={{ width: 180 }} data-testid="ev-note" />
        <Button onClick={addEvent} data-testid="ev-add">{t('lit.addEvent')}</Button>
      </Space>
      {evError && <Alert type="error" title={evError} data-testid="ev-error" />}
      <Table size="small" rowKey="id" pagination={false} dataSource={rec.events} data-testid="lit-events" columns={[
        { title: t('lit.eventDate'), dataIndex: 'date' },
        { title: t('lit.eventKind'), dataIndex: 'kind', render: (v: string) => pick(COURT_EVENT_LABELS, v, lang) },
        { title: t('lit.amount'), dataIndex: 'amountFen', render: (v: number | null) => (v === null ? '' : formatFen(v)) },
        { title: t('stage.caseNumber'), dataIndex: 'caseNumber' },
        { title: t('action.note'), dataIndex: 'note' },
      ]} />
      <Table size="small" rowKey="id" pagination={false} dataSource={deadlines} data-testid="lit-deadlines" columns={[
        { title: t('deadline.kind'), dataIndex: 'kind', render: (v: string) => pick(DEADLINE_LABELS, v, lang) },
        { title: t('deadline.due'), dataIndex: 'due' },
        { title: t('deadline.left'), dataIndex: 'daysLeft' },
      ]} />
    </Space>
  )
}
