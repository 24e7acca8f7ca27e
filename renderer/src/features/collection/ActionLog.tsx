import { Alert, App, Button, Input, Select, Space, Table } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { CollectionAction } from '../../../../shared/domain/collection'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { CHANNEL_LABELS, OUTCOME_LABELS, TARGET_LABELS, options, pick } from './labels'
import { ReceiptCell } from './ReceiptCell'

const nowLocal = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16)

/** The collection log of a case and the form to log a contact; the conduct guard's refusal shows under the form; a letter takes its 送达回执. */
export function ActionLog({ caseId, onChanged }: { caseId: string; onChanged(): void }) {
  const { t, lang, msg } = useI18n()
  const { message } = App.useApp()
  const [rows, setRows] = useState<CollectionAction[]>([])
  const [form, setForm] = useState({ channel: 'phone', target: 'borrower', at: nowLocal(), outcome: '', note: '', trackingNo: '', deliveredOn: '', overrideReason: '' })
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => setRows(await call('actions.list', { id: caseId })), [caseId])
  useEffect(() => void load(), [load])
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }))

  async function save() {
    try {
      await call('actions.add', {
        caseId, channel: form.channel as CollectionAction['channel'], target: form.target as CollectionAction['target'], at: `${form.at}:00+08:00`,
        ...(form.outcome && { outcome: form.outcome as NonNullable<CollectionAction['outcome']> }), ...(form.note && { note: form.note }),
        ...(form.trackingNo && { trackingNo: form.trackingNo }), ...(form.deliveredOn && { deliveredOn: form.deliveredOn }), ...(form.overrideReason && { overrideReason: form.overrideReason }),
      })
      setError(null)
      setForm((f) => ({ ...f, note: '', overrideReason: '', trackingNo: '', deliveredOn: '' }))
      message.success(t('action.saved'))
      await load()
      onChanged()
    } catch (e) {
      const err = e as { code: string; message: string; messageEn: string }
      setError(`[${err.code}] ${msg(err)}`)
    }
  }

  const letter = form.channel === 'letter' || form.channel === 'lawyer_letter'
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select value={form.channel} onChange={set('channel')} options={options(CHANNEL_LABELS, lang)} style={{ width: 100 }} data-testid="action-channel" aria-label={t('action.channel')} />
        <Select value={form.target} onChange={set('target')} options={options(TARGET_LABELS, lang)} style={{ width: 120 }} aria-label={t('action.target')} />
        <Input type="datetime-local" value={form.at} onChange={(e) => set('at')(e.target.value)} style={{ width: 190 }} data-testid="action-at" aria-label={t('action.at')} />
        <Select value={form.outcome || undefined} placeholder={t('action.outcome')} allowClear onChange={(v) => set('outcome')(v ?? '')} options={options(OUTCOME_LABELS, lang)} style={{ width: 110 }} data-testid="action-outcome" />
        <Input placeholder={t('action.note')} value={form.note} onChange={(e) => set('note')(e.target.value)} style={{ width: 220 }} data-testid="action-note" />
        {letter && <Input placeholder={t('action.tracking')} value={form.trackingNo} onChange={(e) => set('trackingNo')(e.target.value)} style={{ width: 150 }} />}
        {letter && <Input type="date" value={form.deliveredOn} onChange={(e) => set('deliveredOn')(e.target.value)} style={{ width: 140 }} aria-label={t('action.delivered')} />}
      </Space>
      {error && (
        <>
          <Alert type="error" title={error} data-testid="action-error" />
          <Input placeholder={t('action.override')} value={form.overrideReason} onChange={(e) => set('overrideReason')(e.target.value)} data-testid="action-override" />
        </>
      )}
      <Button type="primary" onClick={save} data-testid="action-save">{t('action.save')}</Button>
      <Table
        size="small" rowKey="id" pagination={{ pageSize: 8 }} dataSource={rows} data-testid="action-list"
        columns={[
          { title: t('action.at'), dataIndex: 'at', render: (v: string) => new Date(Date.parse(v) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') },
          { title: t('action.channel'), dataIndex: 'channel', render: (v: string) => pick(CHANNEL_LABELS, v, lang) },
          { title: t('action.target'), dataIndex: 'target', render: (v: string) => pick(TARGET_LABELS, v, lang) },
          { title: t('action.outcome'), dataIndex: 'outcome', render: (v: string | null) => pick(OUTCOME_LABELS, v, lang) },
          { title: t('action.note'), dataIndex: 'note', render: (v: string | null, r: CollectionAction) => [v, r.trackingNo, r.overrideReason && `⚠ ${r.overrideReason}`].filter(Boolean).join(' · ') },
          { title: t('receipt.title'), key: 'receipt', render: (_: unknown, r: CollectionAction) => <ReceiptCell action={r} onAttached={() => void load().then(onChanged)} /> },
        ]}
      />
    </Space>
  )
}
