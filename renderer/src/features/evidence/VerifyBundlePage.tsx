import { Alert, Card, Table, Typography } from 'antd'
import { useState } from 'react'
import type { IntegrityReport } from '../../../../shared/domain/evidence'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { uploadFile } from '../import/upload'

type AppErr = { message: string; messageEn: string }

/**
 * The 证据 area's check of a bundle received from someone else (or one's own, later) — every file against its
 * SHA256SUMS and manifest.json, missing, extra and unsafe entries listed.
 */
export function VerifyBundlePage() {
  const { t, msg } = useI18n()
  const [report, setReport] = useState<IntegrityReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sent, setSent] = useState<{ file: string; done: number; total: number } | null>(null)

  /** The ZIP goes in 3 MB slices through import.upload (a bundle is often larger than the bridge's 20 MB request limit). */
  async function check(file: File | undefined) {
    if (!file) return
    setReport(null)
    setError(null)
    try {
      const uploadId = await uploadFile(file, (done, total) => setSent({ file: file.name, done, total }))
      setReport(await call('evidence.verifyBundle', { uploadId }))
    } catch (e) {
      setError(msg(e as AppErr))
    } finally {
      setSent(null)
    }
  }

  return (
    <Card title={t('ev.verifyBundle')} data-testid="ev-verify-page">
      <Typography.Paragraph>{t('ev.verifyBundleHint')}</Typography.Paragraph>
      <input type="file" accept=".zip" data-testid="ev-verify-file" onChange={(e) => void check(e.target.files?.[0])} />
      {sent && <Typography.Paragraph data-testid="ev-verify-sending">{t('ev.sending', { file: sent.file, done: Math.round(sent.done / 1048576), total: Math.round(sent.total / 1048576) })}</Typography.Paragraph>}
      {error && <Alert style={{ marginTop: 8 }} type="error" title={error} />}
      {report && (
        <>
          <Alert style={{ marginTop: 8 }} type={report.ok ? 'success' : 'error'} data-testid="ev-verify-result"
            title={report.ok ? t('ev.bundleOk', { n: report.checked }) : t('ev.bundleBad', { n: report.problems.length })} />
          {!report.ok && (
            <Table size="small" rowKey={(p) => `${p.code}:${p.file}`} pagination={false} style={{ marginTop: 8 }} dataSource={report.problems}
              columns={[{ title: 'file', dataIndex: 'file' }, { title: 'code', dataIndex: 'code' }, { title: 'expected', dataIndex: 'expected' }, { title: 'actual', dataIndex: 'actual' }]} />
          )}
        </>
      )}
    </Card>
  )
}
