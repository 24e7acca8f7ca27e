import { Alert, Button, Input, Progress, Select, Space, Steps, Table, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { ImportMapping, ImportPreview, ImportReport } from '../../../../shared/domain/import'
import type { JobView } from '../../../../shared/domain/jobs'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { MappingEditor } from './MappingEditor'
import { ReportView } from './ReportView'
import { download, uploadFile } from './upload'

type AppErr = { message: string; messageEn: string }
type Encoding = NonNullable<ImportPreview['info']['encoding']>
const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le']

/** Follows a job by polling jobs.get; keeps the first sighting's time for rows/s and the ETA. */
function useJob(onEnd: (j: JobView) => void) {
  const [job, setJob] = useState<JobView | null>(null)
  const startedAt = useRef(0)
  useEffect(() => {
    if (!job || job.status !== 'running') return
    const timer = setInterval(async () => {
      const j = await call('jobs.get', { id: job.id })
      setJob(j)
      if (j.status !== 'running') onEnd(j)
    }, 300)
    return () => clearInterval(timer)
  }, [job?.id, job?.status])
  return {
    job,
    follow: async (jobId: string) => {
      startedAt.current = performance.now()
      const j = await call('jobs.get', { id: jobId })
      setJob(j)
      if (j.status !== 'running') onEnd(j)
    },
    elapsedSec: () => (performance.now() - startedAt.current) / 1000,
  }
}

/**
 * The 导入 wizard: choose a file (uploaded in chunks, since the sandboxed renderer has no path to give) →
 * preview with the detected encoding → column mapping (and the lender when the file has none) → dry run with
 * the error summary → import with progress (rows/s, ETA) and cancel → report with links to the new cases.
 */
export function ImportPage() {
  const { t, msg } = useI18n()
  const [step, setStep] = useState(0)
  const [uploading, setUploading] = useState<[number, number] | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [encoding, setEncoding] = useState<Encoding | undefined>()
  const [mapping, setMapping] = useState<ImportMapping | null>(null)
  const [lender, setLender] = useState('')
  const [regime, setRegime] = useState<'private' | 'licensed'>('private')
  const [dry, setDry] = useState<ImportReport | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ended = (j: JobView) => {
    if (j.status === 'failed') setError(j.failure ? msg(j.failure) : t('imp.failed'))
    const r = j.result as ImportReport | null
    if (!r) return
    if (r.dryRun) setDry(r)
    else {
      setReport(r)
      setStep(4)
    }
  }
  const { job, follow, elapsedSec } = useJob(ended)
  const guard = async (fn: () => Promise<void>) => {
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError(msg(e as AppErr))
    }
  }

  const choose = (file: File | undefined) => file && guard(async () => {
    setUploading([0, file.size])
    try {
      const uploadId = await uploadFile(file, (done, total) => setUploading([done, total]))
      const p = await call('import.preview', { uploadId })
      setPreview(p)
      setEncoding(p.info.encoding)
      setMapping(p.proposed)
      setDry(null)
      setStep(1)
    } finally {
      setUploading(null)
    }
  })
  const reread = (enc: Encoding) => preview && guard(async () => {
    setEncoding(enc)
    setPreview(await call('import.preview', { uploadId: preview.uploadId, encoding: enc }))
  })
  const needsLender = !mapping?.columns.lenderName
  const runInput = () => ({
    uploadId: preview!.uploadId, encoding, mapping: mapping!, sheet: preview!.info.sheet,
    ...(needsLender && lender.trim() ? { lender: lender.trim(), regime } : {}),
  })
  const dryRun = () => guard(async () => {
    setDry(null)
    setStep(2)
    await follow((await call('import.dryRun', runInput())).jobId)
  })
  const start = () => guard(async () => {
    setStep(3)
    await follow((await call('import.start', runInput())).jobId)
  })

  const running = job?.status === 'running'
  const rate = job && elapsedSec() > 0 ? Math.round(job.done / elapsedSec()) : 0
  const eta = job && rate > 0 && job.total > job.done ? Math.ceil((job.total - job.done) / rate) : null
  const progress = job && (
    <div data-testid="imp-progress">
      <Progress percent={job.total ? Math.min(100, Math.floor((job.done / job.total) * 100)) : 0} status={running ? 'active' : job.status === 'done' ? 'success' : 'exception'} />
      <Typography.Text>{t('imp.rows', { done: job.done, total: job.total || '?' })} · {t('imp.rate', { rate })}{eta !== null && running ? ` · ${t('imp.eta', { s: eta })}` : ''}</Typography.Text>
      {running && <Button danger data-testid="imp-cancel" style={{ marginLeft: 12 }} onClick={async () => await call('jobs.cancel', { id: job.id })}>{t('imp.cancel')}</Button>}
    </div>
  )

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-page">
      <Steps size="small" current={step} items={['file', 'mapping', 'dryRun', 'import', 'report'].map((s) => ({ title: t(`imp.step.${s}` as 'imp.step.file') }))} />
      {error && <Alert type="error" title={error} data-testid="imp-error" closable onClose={() => setError(null)} />}
      {step === 0 && (
        <Space orientation="vertical">
          <input type="file" accept=".csv,.txt,.xlsx" data-testid="imp-file" aria-label={t('imp.choose')} onChange={(e) => choose(e.target.files?.[0])} />
          {uploading && <Typography.Text>{t('imp.uploading', { done: (uploading[0] / 1048576).toFixed(1), total: (uploading[1] / 1048576).toFixed(1) })}</Typography.Text>}
          <Button type="link" onClick={() => guard(async () => { const f = await call('import.template', undefined); download(f.base64, f.fileName, f.mime) })}>{t('imp.template')}</Button>
        </Space>
      )}
      {step >= 1 && step <= 2 && preview && mapping && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong data-testid="imp-detected">
              {preview.fileName} · {t('imp.detected', { format: preview.info.format.toUpperCase(), encoding: preview.info.encoding ?? '—' })}{preview.info.sheet ? ` · ${t('imp.sheet', { sheet: preview.info.sheet })}` : ''}
            </Typography.Text>
            {preview.info.format === 'csv' && (
              <Select aria-label={t('imp.encoding')} data-testid="imp-encoding" style={{ width: 130 }} value={encoding} onChange={reread} options={ENCODINGS.map((e) => ({ value: e, label: e }))} />
            )}
          </Space>
          <Table size="small" rowKey="rowNumber" pagination={false} scroll={{ x: true }} title={() => t('imp.preview', { n: preview.rows.length })} data-testid="imp-preview"
            dataSource={preview.rows} columns={[{ title: '#', dataIndex: 'rowNumber', width: 50 }, ...preview.headers.map((h, i) => ({ title: h, key: String(i), render: (_: unknown, r: ImportPreview['rows'][number]) => r.cells[i] }))]} />
          <MappingEditor preview={preview} mapping={mapping} onChange={setMapping} />
          {needsLender && (
            <Space wrap>
              <span>{t('imp.lender')}</span>
              <Input data-testid="imp-lender" style={{ width: 300 }} placeholder={t('imp.lenderPlaceholder')} value={lender} onChange={(e) => setLender(e.target.value)} />
              <Select aria-label={t('imp.regime')} style={{ width: 120 }} value={regime} onChange={setRegime} options={[{ value: 'private', label: t('imp.private') }, { value: 'licensed', label: t('imp.licensed') }]} />
            </Space>
          )}
          <Space>
            <Button onClick={() => setStep(0)}>{t('imp.back')}</Button>
            <Button data-testid="imp-dry-run" disabled={running} onClick={dryRun}>{t('imp.dryRun')}</Button>
            <Button type="primary" data-testid="imp-start" disabled={running || (step === 2 && !dry)} onClick={start}>{t('imp.start')}</Button>
          </Space>
          {step === 2 && (dry ? <ReportView report={dry} /> : progress)}
        </Space>
      )}
      {step === 3 && progress}
      {step === 4 && report && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ReportView report={report} />
          <Button data-testid="imp-again" onClick={() => { setStep(0); setPreview(null); setReport(null); setDry(null) }}>{t('imp.again')}</Button>
        </Space>
      )}
      {step === 3 && job && job.status !== 'running' && !report && <Alert type="error" title={t('imp.failed')} />}
    </Space>
  )
}
