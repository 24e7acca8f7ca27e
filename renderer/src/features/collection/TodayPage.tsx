import { Alert, Button, Input, InputNumber, Popover, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { QueueItem } from '../../../../shared/domain/collection'
import { call } from '../../api'
import { STAGE_COLORS, stageLabel } from '../../components/labels'
import { navigate } from '../../components/useHashRoute'
import { useI18n } from '../../i18n'

/** The score with every factor's points on hover, and a lawyer's override with a reason. */
function ScoreCell({ item, onSaved }: { item: QueueItem; onSaved(): void }) {
  const { t, msg } = useI18n()
  const [score, setScore] = useState<number | null>(item.score)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const save = async () => {
    try {
      await call('queue.overrideScore', { caseId: item.caseId, score: score ?? -1, reason })
      onSaved()
    } catch (e) {
      setError(msg(e as { message: string; messageEn: string }))
    }
  }
  const factors = item.factors.map((f) => `${f.label} ${f.points >= 0 ? '+' : ''}${f.points}：${f.reason}`).join('\n')
  return (
    <Space>
      <Tooltip title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{factors}</pre>}>
        <Tag color={item.override ? 'purple' : 'blue'} data-testid="queue-score">{item.score}</Tag>
      </Tooltip>
      {item.override && <Typography.Text type="secondary">{t('today.overridden', { n: item.computedScore })}</Typography.Text>}
      <Popover trigger="click" content={
        <Space orientation="vertical">
          <InputNumber min={0} max={100} value={score} onChange={setScore} />
          <Input placeholder={t('today.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          {error && <Alert type="error" title={error} />}
          <Button type="primary" onClick={save}>{t('today.save')}</Button>
        </Space>
      }>
        <Button size="small" type="link">{t('today.override')}</Button>
      </Popover>
    </Space>
  )
}

/** 今日: today's promises, near deadlines, expiring limitation, new cases and broken plans, best recovery score first. */
export function TodayPage() {
  const { t, lang, msg } = useI18n()
  const [items, setItems] = useState<QueueItem[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    try {
      setItems(await call('queue.today', {}))
    } catch (e) {
      setError(msg(e as { message: string; messageEn: string }))
    }
  }, [msg])
  useEffect(() => void load(), [load])
  if (error) return <Alert type="error" title={error} />
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('today.title')}</Typography.Title>
      <Table
        size="small" rowKey="caseId" loading={!items} dataSource={items ?? []} locale={{ emptyText: t('today.empty') }} pagination={{ pageSize: 50 }} data-testid="queue-table"
        columns={[
          { title: t('today.score'), key: 'score', width: 220, render: (_: unknown, r: QueueItem) => <ScoreCell item={r} onSaved={load} /> },
          { title: t('col.caseNo'), dataIndex: 'caseNo', render: (v: string, r: QueueItem) => <a onClick={() => navigate('cases', r.caseId)}>{v}</a> },
          { title: t('col.borrower'), dataIndex: 'borrowerName' },
          { title: t('col.stage'), dataIndex: 'stage', render: (s: QueueItem['stage']) => <Tag color={STAGE_COLORS[s]}>{stageLabel(s, lang)}</Tag> },
          { title: t('today.reasons'), key: 'reasons', render: (_: unknown, r: QueueItem) => r.reasons.map((x) => (lang === 'en' ? x.textEn : x.text)).join('；') },
        ]}
      />
    </Space>
  )
}
