import { Alert, Button, Input, Space, Table } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { AcknowledgementView } from '../../../../shared/domain/collection-facts'
import { formatFen } from '../../../../shared/domain/money'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { yuanToFen } from './labels'

type Failure = { message: string; messageEn: string }

/** 债务确认书: debts the borrower acknowledged in writing; each restarts limitation, so the deadlines follow. */
export function AcknowledgementsPanel({ caseId, onChanged }: { caseId: string; onChanged(): void }) {
  const { t, msg } = useI18n()
  const [rows, setRows] = useState<AcknowledgementView[]>([])
  const [form, setForm] = useState({ signedOn: '', amount: '', note: '' })
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => setRows(await call('acknowledgements.list', { id: caseId })), [caseId])
  useEffect(() => void load(), [load])
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }))

  async function add() {
    try {
      await call('acknowledgements.add', {
        caseId, signedOn: form.signedOn,
        // An unparsable amount is sent as-is so the contract names the field.
        ...(form.amount && { amountFen: (yuanToFen(form.amount) ?? form.amount) as number }), ...(form.note && { note: form.note }),
      })
      setError(null)
      setForm({ signedOn: '', amount: '', note: '' })
      await load()
      onChanged()
    } catch (e) {
      setError(msg(e as Failure))
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="ack-panel">
      <Space wrap>
        <Input type="date" value={form.signedOn} onChange={(e) => set('signedOn')(e.target.value)} style={{ width: 150 }} aria-label={t('ack.signedOn')} data-testid="ack-signed-on" />
        <Input placeholder={t('ack.amount')} value={form.amount} onChange={(e) => set('amount')(e.target.value)} style={{ width: 150 }} data-testid="ack-amount" />
        <Input placeholder={t('action.note')} value={form.note} onChange={(e) => set('note')(e.target.value)} style={{ width: 240 }} data-testid="ack-note" />
        <Button type="primary" onClick={add} data-testid="ack-add">{t('ack.add')}</Button>
      </Space>
      {error && <Alert type="error" title={error} data-testid="ack-error" />}
      <Table size="small" rowKey="id" pagination={false} dataSource={rows} data-testid="ack-list" columns={[
        { title: t('ack.signedOn'), dataIndex: 'signedOn' },
        { title: t('ack.amount'), dataIndex: 'amountFen', render: (v: number | null) => (v === null ? '—' : formatFen(v)) },
        { title: t('action.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
      ]} />
    </Space>
  )
}
