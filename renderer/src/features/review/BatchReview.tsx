import { Alert, Button, Card, Progress, Select, Space, Table, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { JobView } from '../../../../shared/domain/jobs'
import type { ReviewBatchItem, ReviewBatchResult } from '../../../../shared/domain/review'
import { call } from '../../api'
import { navigate } from '../../components/useHashRoute'
import { useI18n } from '../../i18n'
import type { MessageKey } from '../../i18n/messages'
import { uploadFile } from '../import/upload'

type AppErr = { message: string; messageEn: string }
const REVIEWABLE = /\.(docx|pdf|txt)$/i

/**
 * 批量审查 (`#/review/batch`): choose contract files or a whole folder; each file is uploaded in chunks (the sandboxed
 * renderer has no path to give), then one `review.batch` job reviews them in the background — a progress bar fed by
 * jobs.get, cancel, and the list of files with their critical/warning counts and all-in cost, each opening its review.
 */
export function BatchReview() {
  const { t, msg } = useI18n()
  const [files, setFiles] = useState<File[]>([])
  const [regime, setRegime] = useState<'private' | 'licensed' | undefined>(undefined)
  const [uploading, setUploading] = useState<[number, number] | null>(null)
  const [job, setJob] = useState<JobView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const folder = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!job || job.status !== 'running') return
    const timer = setInterval(async () => setJob(await call('jobs.get', { id: job.id })), 400)
    return () => clearInterval(timer)
  }, [job])

  // A folder picker is not a React attribute: set it on the element.
  useEffect(() => {
    folder.current?.setAttribute('webkitdirectory', '')
  }, [])

  const choose = (list: FileList | null) => setFiles([...(list ?? [])].filter((f) => REVIEWABLE.test(f.name)))

  async function start() {
    setError(null)
    setJob(null)
    try {
      const uploadIds: string[] = []
      for (const [i, f] of files.entries()) {
        setUploading([i, files.length])
        uploadIds.push(await uploadFile(f, () => undefined))
      }
      setUploading(null)
      const { jobId } = await call('review.batch', { uploadIds, regime })
      setJob(await call('jobs.get', { id: jobId }))
    } catch (e) {
      setUploading(null)
      setError(msg(e as AppErr))
    }
  }

  const result = job && job.status !== 'running' ? (job.result as ReviewBatchResult | null) : null
  const busy = uploading !== null || job?.status === 'running'
  return (
    <Card size="small" title={t('review.batch')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('review.regime')}</span>
          <Select style={{ width: 140 }} value={regime ?? 'auto'} onChange={(v: string) => setRegime(v === 'private' || v === 'licensed' ? v : undefined)} data-testid="batch-regime"
            options={[{ value: 'auto', label: t('review.regimeAuto') }, { value: 'private', label: t('review.private') }, { value: 'licensed', label: t('review.licensed') }]} />
          <label>
            {t('review.batchFiles')}{' '}
            <input type="file" multiple accept=".docx,.pdf,.txt" data-testid="batch-files" onChange={(e) => choose(e.target.files)} />
          </label>
          <label>
            {t('review.batchFolder')} <input ref={folder} type="file" data-testid="batch-folder" onChange={(e) => choose(e.target.files)} />
          </label>
        </Space>
        {files.length > 0 && <Typography.Text data-testid="batch-chosen">{t('review.batchChosen', { n: files.length })}</Typography.Text>}
        <Space>
          <Button type="primary" disabled={files.length === 0 || busy} onClick={start} data-testid="batch-start">{t('review.batchStart')}</Button>
          {job?.status === 'running' && (
            <Button danger data-testid="batch-cancel" onClick={async () => setJob(await call('jobs.cancel', { id: job.id }))}>{t('review.batchCancel')}</Button>
          )}
        </Space>
        {uploading && <Typography.Text data-testid="batch-uploading">{t('review.batchUploading', { done: uploading[0], total: uploading[1] })}</Typography.Text>}
        {error && <Alert type="error" title={error} data-testid="batch-error" />}
        {job && (
          <div data-testid="batch-job">
            <Progress percent={job.total ? Math.floor((job.done / job.total) * 100) : 100} status={job.status === 'running' ? 'active' : job.status === 'done' ? 'success' : 'exception'} />
            <Typography.Text data-testid="batch-status">
              {t(`review.batchStatus.${job.status}` as MessageKey)} · {job.done}/{job.total}{job.current ? ` · ${job.current}` : ''}
            </Typography.Text>
          </div>
        )}
        {result && (
          <Table<ReviewBatchItem> size="small" rowKey="reviewId" data-testid="batch-results" dataSource={result.items} pagination={{ pageSize: 50 }}
            onRow={(r) => ({ 'data-testid': 'batch-row', 'data-name': r.name } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('review.batchName'), dataIndex: 'name' },
              { title: t('review.batchCritical'), dataIndex: 'critical', render: (n: number) => <span data-testid="batch-critical" style={{ color: n ? '#cf1322' : undefined }}>{n}</span> },
              { title: t('review.batchWarning'), dataIndex: 'warning', render: (n: number) => <span data-testid="batch-warning">{n}</span> },
              { title: t('review.batchCost'), dataIndex: 'allInAnnualCost', render: (c: string | null) => <span data-testid="batch-cost">{c === null ? '—' : `${(Number(c) * 100).toFixed(2)}%`}</span> },
              { title: '', render: (_, r) => <Button type="link" size="small" onClick={() => navigate('review', r.reviewId)} data-testid="batch-open">{t('review.batchOpen')}</Button> },
            ]} />
        )}
        {job && job.errors.length > 0 && (
          <Table size="small" rowKey="label" title={() => t('review.batchErrors')} pagination={false} dataSource={job.errors} data-testid="batch-errors"
            columns={[{ title: t('review.batchName'), dataIndex: 'label' }, { title: '', render: (_, e) => msg(e) }]} />
        )}
      </Space>
    </Card>
  )
}
