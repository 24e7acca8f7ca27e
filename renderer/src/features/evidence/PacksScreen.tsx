import { Alert, Button, Input, Progress, Radio, Select, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { CaseListRow } from '../../../../shared/domain/case'
import { STAGES, STAGE_LABELS, type Stage } from '../../../../shared/domain/enums'
import type { PackResult, PacksResult } from '../../../../shared/domain/evidence'
import type { JobView } from '../../../../shared/domain/jobs'
import { call } from '../../api'
import { useI18n } from '../../i18n'

type AppErr = { message: string; messageEn: string }

/**
 * Filing packs in bulk (立案材料): the cases by stage or picked one by one, the output folder; then the job
 * (evidence.packs.start, both cores) with its progress bar and cancel, and per case the folder, claim, court
 * fee and what is missing, the cases that failed with why, and the summary sheet's path. A cancelled job still
 * lists the packs finished before the cancel.
 */
export function PacksScreen() {
  const { t, lang, msg } = useI18n()
  const [by, setBy] = useState<'stage' | 'cases'>('stage')
  const [stage, setStage] = useState<Stage>('litigation')
  const [picked, setPicked] = useState<string[]>([])
  const [found, setFound] = useState<CaseListRow[]>([])
  const [outDir, setOutDir] = useState('')
  const [job, setJob] = useState<JobView | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    // Until the job has ended: a cancelled job still finishes the cases under way and then reports them.
    if (!job || job.endedAt) return
    const timer = setInterval(async () => setJob(await call('jobs.get', { id: job.id })), 400)
    return () => clearInterval(timer)
  }, [job])

  async function search(text: string) {
    const r = await call('cases.list', { search: text.trim() || undefined, limit: 50 })
    setFound(r.rows)
  }
  useEffect(() => { if (by === 'cases') void search('') }, [by])

  async function start() {
    setError(null)
    try {
      const filter = by === 'stage' ? { stage } : { caseIds: picked }
      const { jobId } = await call('evidence.packs.start', { ...filter, outDir: outDir.trim() })
      setJob(await call('jobs.get', { id: jobId }))
    } catch (e) {
      setError(msg(e as AppErr))
    }
  }

  const running = job?.status === 'running'
  const result = job?.endedAt ? (job.result as PacksResult | null) : null
  const percent = job ? (job.total ? Math.floor((job.done / job.total) * 100) : 100) : 0
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="packs-screen">
      <Typography.Paragraph>{t('pack.hint')}</Typography.Paragraph>
      <Space wrap>
        <Radio.Group value={by} onChange={(e) => setBy(e.target.value)} data-testid="pack-by"
          options={[{ value: 'stage', label: t('pack.byStage') }, { value: 'cases', label: t('pack.byCases') }]} />
        {by === 'stage' ? (
          <Select aria-label={t('pack.stage')} data-testid="pack-stage" style={{ width: 120 }} value={stage} onChange={setStage}
            options={STAGES.map((s) => ({ value: s, label: lang === 'en' ? STAGE_LABELS[s].en : STAGE_LABELS[s].zh }))} />
        ) : (
          <Select mode="multiple" aria-label={t('pack.cases')} data-testid="pack-cases" style={{ minWidth: 360 }} placeholder={t('pack.cases')}
            showSearch={{ filterOption: false, onSearch: (v) => void search(v) }} value={picked} onChange={setPicked}
            options={found.map((c) => ({ value: c.id, label: `${c.caseNo} ${c.borrowerName}` }))} />
        )}
      </Space>
      <Space wrap>
        <Input aria-label={t('pack.outDir')} data-testid="pack-out" placeholder={t('pack.outDir')} style={{ width: 420 }} value={outDir} onChange={(e) => setOutDir(e.target.value)} />
        <Button type="primary" data-testid="pack-start" disabled={!!job && !job.endedAt} onClick={start}>{t('pack.start')}</Button>
        {running && <Button danger data-testid="pack-cancel" onClick={async () => setJob(await call('jobs.cancel', { id: job.id }))}>{t('pack.cancel')}</Button>}
      </Space>
      {error && <Alert type="error" title={error} data-testid="pack-error" />}
      {job && (
        <div data-testid="pack-job">
          <Progress percent={percent} status={running ? 'active' : job.status === 'done' ? 'success' : 'exception'} />
          <Typography.Text data-testid="pack-status">
            {t(`pack.status.${job.status}`)}{job.endedAt ? '' : '…'} · {job.done}/{job.total}{job.current ? ` · ${job.current}` : ''}
          </Typography.Text>
        </div>
      )}
      {job?.failure && <Alert type="error" title={msg(job.failure)} data-testid="pack-error" />}
      {result && (
        <>
          <Typography.Text data-testid="pack-summary">{t('pack.summary', { path: result.summary })}</Typography.Text>
          <Table<PackResult> size="small" rowKey="caseId" pagination={{ pageSize: 50, hideOnSinglePage: true }} dataSource={result.packs} data-testid="pack-results"
            columns={[
              { title: t('pack.col.caseNo'), dataIndex: 'caseNo' },
              { title: t('pack.col.dir'), dataIndex: 'dir', render: (d: string) => <Typography.Text copyable={{ text: d }} style={{ fontSize: 12 }}>{d}</Typography.Text> },
              { title: t('pack.col.claim'), dataIndex: 'claim', align: 'right', render: (v: string | null) => v ?? '—' },
              { title: t('pack.col.fee'), dataIndex: 'courtFee', align: 'right', render: (v: string | null) => v ?? '—' },
              { title: t('pack.col.missing'), dataIndex: 'missing', render: (m: string[]) => (m.length ? <ul style={{ margin: 0, paddingLeft: 16 }}>{m.map((x) => <li key={x}>{x}</li>)}</ul> : t('pack.complete')) },
            ]} />
        </>
      )}
      {job && job.errors.length > 0 && (
        <Table size="small" rowKey="label" title={() => t('pack.errors')} pagination={false} dataSource={job.errors} data-testid="pack-errors"
          columns={[{ title: t('pack.col.caseNo'), dataIndex: 'label' }, { title: '', dataIndex: 'code' }, { title: '', render: (_, e) => msg(e) }]} />
      )}
    </Space>
  )
}
