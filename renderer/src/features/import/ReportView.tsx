import { Alert, Button, Descriptions, List, Space, Table, Typography } from 'antd'
import type { ImportReport } from '../../../../shared/domain/import'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { download } from './upload'

/** Counts, the error summary, the rejected rows to download and (after a real run) links to the new cases. */
export function ReportView({ report }: { report: ImportReport }) {
  const { t, msg } = useI18n()
  const save = async (format: 'csv' | 'xlsx') => {
    const f = await call('import.rejected', { runId: report.runId, format })
    download(f.base64, f.fileName, f.mime)
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={report.dryRun ? 'imp-dry-report' : 'imp-report'}>
      {report.dryRun && <Alert type="info" title={t('imp.wouldImport')} />}
      {report.cancelled && <Alert type="warning" title={t('imp.cancelled')} data-testid="imp-cancelled" />}
      <Descriptions size="small" bordered column={5}>
        <Descriptions.Item label={t('imp.read')}><span data-testid="imp-count-read">{report.read}</span></Descriptions.Item>
        <Descriptions.Item label={t('imp.imported')}><span data-testid="imp-count-imported">{report.imported}</span></Descriptions.Item>
        <Descriptions.Item label={t('imp.updated')}><span data-testid="imp-count-updated">{report.updated}</span></Descriptions.Item>
        <Descriptions.Item label={t('imp.unchanged')}><span data-testid="imp-count-unchanged">{report.unchanged}</span></Descriptions.Item>
        <Descriptions.Item label={t('imp.rejected')}><span data-testid="imp-count-rejected">{report.rejectedRows}</span></Descriptions.Item>
      </Descriptions>
      {report.errorSummary.length > 0 && (
        <Table size="small" rowKey={(s) => s.code + s.column} pagination={false} title={() => t('imp.summary')} dataSource={report.errorSummary} data-testid="imp-summary"
          columns={[{ title: t('imp.column'), dataIndex: 'column' }, { title: t('imp.code'), dataIndex: 'code' }, { title: t('imp.count'), dataIndex: 'count' }, { title: t('imp.message'), render: (_, s) => msg(s) }]} />
      )}
      {report.errors.length > 0 && (
        <Table size="small" rowKey={(e) => `${e.row}-${e.column}-${e.code}`} pagination={{ pageSize: 10 }} dataSource={report.errors} data-testid="imp-errors"
          columns={[{ title: t('imp.row'), dataIndex: 'row', width: 70 }, { title: t('imp.column'), dataIndex: 'column', width: 140 }, { title: t('imp.message'), render: (_, e) => msg(e) }]} />
      )}
      {!report.dryRun && report.rejectedRows > 0 && (
        <Space>
          <Button data-testid="imp-download-csv" onClick={() => save('csv')}>{t('imp.downloadCsv')}</Button>
          <Button onClick={() => save('xlsx')}>{t('imp.downloadXlsx')}</Button>
        </Space>
      )}
      {!report.dryRun && report.newCases.length > 0 && (
        <List size="small" bordered header={`${t('imp.newCases')} (${report.imported})`} dataSource={report.newCases} data-testid="imp-new-cases" style={{ maxHeight: 300, overflow: 'auto' }}
          renderItem={(c) => <List.Item><Typography.Link href={`#/cases/${c.caseId}`}>{c.caseNo}</Typography.Link> {c.borrowerName}</List.Item>} />
      )}
    </Space>
  )
}
