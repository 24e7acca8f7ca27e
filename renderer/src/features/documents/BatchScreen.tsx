import { Alert, Button, Checkbox, Input, InputNumber, List, Progress, Select, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { DOCUMENT_TYPES, type BatchResult, type DocumentTypeCode, type TemplateSummary } from '../../../../shared/domain/documents'
import { STAGES, STAGE_LABELS, type Stage } from '../../../../shared/domain/enums'
import type { JobView } from '../../../../shared/domain/jobs'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { typeLabel } from './files'

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
type AppErr = { message: string; messageEn: string }

/**
 * The batch screen: a filter like the case list, a type and a format, the output folder; then the job's
 * progress bar (jobs.get polled), cancel, and at the end the files written and the cases that failed.
 * The template is the type's built-in one unless the user picks one of their own (copied and edited).
 */
export function BatchScreen() {
  const { t, lang, msg } = useI18n()
  const [type, setType] = useState<DocumentTypeCode>('demand-letter')
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf')
  const [stage, setStage] = useState<Stage | undefined>('collection')
  const [minDpd, setMinDpd] = useState<number | null>(90)
  const [owner, setOwner] = useState('')
  const [outDir, setOutDir] = useState('')
  const [combined, setCombined] = useState(false)
  const [job, setJob] = useState<JobView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  const [templateId, setTemplateId] = useState<string | undefined>(undefined)

  // The user's templates of the chosen type; a type change goes back to the built-in template.
  useEffect(() => {
    let live = true
    setTemplateId(undefined)
    call('templates.list', { docType: type }).then((list) => live && setTemplates(list), () => live && setTemplates([]))
    return () => { live = false }
  }, [type])

  // Follow the job until it ends.
  useEffect(() => {
    if (!job || job.status !== 'running') return
    const timer = setInterval(async () => setJob(await call('jobs.get', { id: job.id })), 400)
    return () => clearInterval(timer)
  }, [job])

  async function start() {
    setError(null)
    try {
      const filter = { stage, minDpd: minDpd ?? undefined, owner: owner.trim() || undefined }
      const { jobId } = await call('documents.batch', { filter, type, format, asOf: today(), outDir, templateId, combinedPdf: combined && format === 'pdf' })
      setJob(await call('jobs.get', { id: jobId }))
    } catch (e) {
      setError(msg(e as AppErr))
    }
  }

  const result = job?.status !== 'running' ? (job?.result as BatchResult | null) : null
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label={t('doc.type')} style={{ width: 170 }} value={type} onChange={setType} options={DOCUMENT_TYPES.map((d) => ({ value: d, label: typeLabel(d, lang) }))} />
        <Select aria-label={t('doc.format')} style={{ width: 90 }} value={format} onChange={setFormat} options={[{ value: 'pdf', label: 'PDF' }, { value: 'docx', label: 'DOCX' }]} />
        <Select aria-label={t('doc.template')} data-testid="batch-template" style={{ width: 220 }} value={templateId ?? templates.find((x) => x.builtin)?.id}
          onChange={(v) => setTemplateId(templates.find((x) => x.id === v)?.builtin ? undefined : v)}
          options={templates.map((x) => ({ value: x.id, label: `${x.name}${x.builtin ? `（${t('doc.builtin')}）` : ''} v${x.version}` }))} />
        <span>{t('doc.stage')}</span>
        <Select aria-label={t('doc.stage')} data-testid="batch-stage" style={{ width: 110 }} allowClear placeholder={t('doc.any')} value={stage} onChange={setStage}
          options={STAGES.map((s) => ({ value: s, label: lang === 'en' ? STAGE_LABELS[s].en : STAGE_LABELS[s].zh }))} />
        <span>{t('doc.minDpd')}</span>
        <InputNumber aria-label={t('doc.minDpd')} data-testid="batch-min-dpd" min={0} value={minDpd} onChange={setMinDpd} />
        <Input aria-label={t('doc.owner')} placeholder={t('doc.owner')} style={{ width: 110 }} value={owner} onChange={(e) => setOwner(e.target.value)} />
      </Space>
      <Space wrap>
        <Input aria-label={t('doc.outDir')} data-testid="batch-out" placeholder={t('doc.outDir')} style={{ width: 420 }} value={outDir} onChange={(e) => setOutDir(e.target.value)} />
        <Checkbox checked={combined} disabled={format !== 'pdf'} onChange={(e) => setCombined(e.target.checked)}>{t('doc.combined')}</Checkbox>
        <Button type="primary" data-testid="batch-start" disabled={job?.status === 'running'} onClick={start}>{t('doc.start')}</Button>
        {job?.status === 'running' && <Button danger data-testid="batch-cancel" onClick={async () => setJob(await call('jobs.cancel', { id: job.id }))}>{t('doc.cancel')}</Button>}
      </Space>
      {error && <Alert type="error" title={error} data-testid="batch-error" />}
      {job && (
        <div data-testid="batch-job">
          <Progress percent={job.total ? Math.floor((job.done / job.total) * 100) : 100} status={job.status === 'running' ? 'active' : job.status === 'done' ? 'success' : 'exception'} />
          <Typography.Text data-testid="batch-status">
            {t(`doc.status.${job.status}`)} · {job.done}/{job.total}{job.current ? ` · ${job.current}` : ''}
          </Typography.Text>
        </div>
      )}
      {job && job.errors.length > 0 && (
        <Table size="small" rowKey="label" title={() => t('doc.errors')} pagination={false} dataSource={job.errors}
          columns={[{ title: '', dataIndex: 'label' }, { title: '', dataIndex: 'code' }, { title: '', render: (_, e) => msg(e) }]} />
      )}
      {result && (
        <List size="small" bordered data-testid="batch-files" header={`${t('doc.files')} (${result.files.length})`}
          dataSource={[...(result.combined ? [result.combined] : []), ...result.files.slice(0, 200)]} renderItem={(f) => <List.Item>{f}</List.Item>} />
      )}
    </Space>
  )
}
