import { Alert, Button, Input, Space, Table, Tag } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { PromiseView } from '../../../../shared/domain/collection'
import { formatFen } from '../../../../shared/domain/money'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { PROMISE_STATUS_LABELS, pick, yuanToFen } from './labels'

const COLORS: Record<string, string> = { open: 'blue', kept: 'green', partly_kept: 'orange', broken: 'red' }

/** Promises to pay on the case, matched against repayments (kept / partly kept / broken). */
export function PromisesPanel({ caseId }: { caseId: string }) {
  const { t, lang, msg } = useI18n()
  const [rows, setRows] = useState<PromiseView[]>([])
  const [amount, setAmount] = useState('')
  const [date, setDate] = useState('')
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => setRows(await call('promises.list', { id: caseId })), [caseId])
  useEffect(() => void load(), [load])

  async function add() {
    try {
      // An unparsable amount is sent as-is so the contract names the field.
      await call('promises.add', { caseId, amountFen: (yuanToFen(amount) ?? amount) as number, dueDate: date })
      setError(null)
      setAmount('')
      await load()
    } catch (e) {
      setError(msg(e as { message: string; messageEn: string }))
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Input placeholder={t('promise.amount')} value={amount} onChange={(e) => setAmount(e.target.value)} style={{ width: 130 }} data-testid="promise-amount" />
        <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 150 }} aria-label={t('promise.date')} data-testid="promise-date" />
        <Button onClick={add} data-testid="promise-add">{t('promise.add')}</Button>
      </Space>
      {error && <Alert type="error" title={error} data-testid="promise-error" />}
      <Table size="small" rowKey="id" pagination={false} dataSource={rows} columns={[
        { title: t('promise.date'), dataIndex: 'dueDate' },
        { title: t('promise.amount'), dataIndex: 'amountFen', render: (v: number) => formatFen(v) },
        { title: t('promise.kept'), dataIndex: 'keptFen', render: (v: number) => formatFen(v) },
        { title: t('promise.status'), dataIndex: 'status', render: (v: string) => <Tag color={COLORS[v]}>{pick(PROMISE_STATUS_LABELS, v, lang)}</Tag> },
      ]} />
    </Space>
  )
}
