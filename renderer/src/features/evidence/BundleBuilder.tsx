import { Alert, Button, Input, Progress, Space } from 'antd'
import { useEffect, useState } from 'react'
import type { BundleResult } from '../../../../shared/domain/evidence'
import type { JobView } from '../../../../shared/domain/jobs'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { base64Url } from './files'

type AppErr = { message: string; messageEn: string }

/**
 * Building the court bundle as a job (the window stays responsive): an optional Bates prefix, a progress bar
 * fed by jobs.get, then the result — open the PDF in a new tab, save the ZIP.
 */
export function BundleBuilder({ caseId }: { caseId: string }) {
  const { t, msg } = useI18n()
  const [bates, setBates] = useState('')
  const [job, setJob] = useState<JobView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pdfUrl, setPdfUrl] = useState<string | null>(null)

  useEffect(() => {
    if (!job || job.status !== 'running') return
    const timer = setInterval(async () => setJob(await call('jobs.get', { id: job.id })), 300)
    return () => clearInterval(timer)
  }, [job])
  useEffect(() => () => { if (pdfUrl) URL.revokeObjectURL(pdfUrl) }, [pdfUrl])

  async function start() {
    setError(null)
    setPdfUrl(null)
    try {
      const { jobId } = await call('evidence.bundle.start', { caseId, batesPrefix: bates.trim() || undefined })
      setJob(await call('jobs.get', { id: jobId }))
    } catch (e) {
      setError(msg(e as AppErr))
    }
  }

  async function fetchLatest(which: 'pdf' | 'zip') {
    const [latest] = await call('evidence.bundles', { caseId })
    const f = await call('evidence.bundle.read', { bundleId: latest.id, which })
    return { url: base64Url(f.dataBase64, f.mime), fileName: f.fileName }
  }

  async function openPdf() {
    const { url } = await fetchLatest('pdf')
    setPdfUrl(url)
    window.open(url, '_blank')
  }

  async function saveZip() {
    const { url, fileName } = await fetchLatest('zip')
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    a.click()
  }

  const result = job?.status === 'done' ? (job.result as BundleResult | null) : null
  const percent = job ? Math.round((100 * job.done) / Math.max(1, job.total)) : 0
  return (
    <div style={{ marginTop: 12 }}>
      <Space wrap>
        <Input aria-label={t('ev.bates')} data-testid="ev-bates" placeholder={t('ev.bates')} style={{ width: 180 }} value={bates} onChange={(e) => setBates(e.target.value)} />
        <Button type="primary" data-testid="ev-build" loading={job?.status === 'running'} onClick={start}>{t('ev.build')}</Button>
      </Space>
      {job && job.status === 'running' && (
        <div data-testid="ev-progress">
          <Progress percent={percent} size="small" />
          {job.current && <span>{t('ev.building', { current: job.current })}</span>}
        </div>
      )}
      {error && <Alert style={{ marginTop: 8 }} type="error" title={error} data-testid="ev-build-error" />}
      {job?.errors.map((e, i) => <Alert key={i} style={{ marginTop: 8 }} type="error" title={msg(e)} data-testid="ev-build-error" />)}
      {job?.failure && <Alert style={{ marginTop: 8 }} type="error" title={msg(job.failure)} data-testid="ev-build-error" />}
      {result && (
        <div style={{ marginTop: 8 }}>
          <Alert type="success" title={t('ev.built', { pages: result.pages })} data-testid="ev-built" />
          <Space style={{ marginTop: 8 }}>
            <Button onClick={openPdf} data-testid="ev-open-pdf">{t('ev.openPdf')}</Button>
            <Button onClick={saveZip} data-testid="ev-save-zip">{t('ev.saveZip')}</Button>
          </Space>
          <ul data-testid="ev-ranges">
            {result.exhibits.map((e) => <li key={e.no}>{`证据${e.no} ${e.name}：${e.firstPage}–${e.lastPage}`}</li>)}
          </ul>
        </div>
      )}
    </div>
  )
}
