import { Alert, Button, Space, Table, Tag } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { CaseDeadlines, DeadlineRow } from '../../../../shared/domain/collection'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { DEADLINE_LABELS, pick } from './labels'

const WARN: Record<number, string> = { 7: 'red', 30: 'orange', 90: 'gold' }

/** Court deadlines and hearings of the case, and the limitation of each loan with its warning or what can still be done. */
export function DeadlinesPanel({ caseId, version }: { caseId: string; version: number }) {
  const { t, lang } = useI18n()
  const [data, setData] = useState<CaseDeadlines | null>(null)
  const load = useCallback(async () => setData(await call('deadlines.forCase', { id: caseId })), [caseId])
  useEffect(() => void load(), [load, version])
  if (!data) return null
  const text = (zh: string, en: string) => (lang === 'en' ? en : zh)
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="deadlines-panel">
      {data.limitation.map((l) => (
        <Alert
          key={l.loanId}
          type={l.state === 'expired' ? 'error' : l.warning ? 'warning' : 'info'}
          title={`${t('deadline.limitation')} ${l.contractNo}：${l.state === 'suspended_by_proceedings' ? text('诉讼程序中，时效不计算', 'proceedings pending, not running') : `${l.expiry}（${l.daysLeft}）`}`}
          description={[l.warning && text(l.warning.message, l.warning.messageEn), ...(l.afterExpiry ?? []).map((o) => text(o.zh, o.en)), l.calendarWarning && text(l.calendarWarning.message, l.calendarWarning.messageEn)].filter(Boolean).join(' ')}
        />
      ))}
      <Table size="small" rowKey="id" pagination={false} dataSource={data.deadlines.filter((d) => d.kind !== 'limitation')} columns={[
        { title: t('deadline.kind'), dataIndex: 'kind', render: (v: string) => pick(DEADLINE_LABELS, v, lang) },
        { title: t('deadline.due'), dataIndex: 'due' },
        { title: t('deadline.left'), dataIndex: 'daysLeft', render: (v: number, r: DeadlineRow) => (r.warning ? <Tag color={WARN[r.warning]}>{v}</Tag> : v) },
        { title: '', dataIndex: 'basis', ellipsis: true },
        { title: '', key: 'done', render: (_: unknown, r: DeadlineRow) => r.status === 'open' ? <Button size="small" onClick={async () => { await call('deadlines.setStatus', { id: r.id, status: 'done' }); await load() }}>{t('deadline.done')}</Button> : r.status },
      ]} />
    </Space>
  )
}
