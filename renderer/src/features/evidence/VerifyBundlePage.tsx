import { Alert, Card, Table, Typography } from 'antd'
import { useState } from 'react'
import type { IntegrityReport } from '../../../../shared/domain/evidence'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { fileToBase64 } from './files'

type AppErr = { message: string; messageEn: string }

/**
 * The 证据 area's check of a bundle received from someone else (or one's own, later) — every file against its
 * SHA256SUMS and manifest.json, missing, extra and unsafe entries listed.
 */
export function VerifyBundlePage() {
  const { t, msg } = useI18n()
  const [report, setReport] = useState<IntegrityReport | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function check(file: File | undefined) {
    if (!file) return
    setReport(null)
    setError(null)
    try {
      setReport(await call('evidence.verifyBundle', { fileName: file.name, dataBase64: await fileToBase64(file) }))
    } catch (e) {
      setError(msg(e as AppErr))
    }
  }

  return (
    <Card title={t('ev.verifyBundle')} data-testid="ev-verify-page">
      <Typography.Paragraph>{t('ev.verifyBundleHint')}</Typography.Paragraph>
      <input type="file" accept=".zip" data-testid="ev-verify-file" onChange={(e) => void check(e.target.files?.[0])} />
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
