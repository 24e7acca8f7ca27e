import { Alert, Card, Descriptions, Table, Upload, Button } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { LprTableView } from '../../../../shared/domain/calc'
import { call } from '../../api'
import { useI18n } from '../../i18n'

/**
 * The LPR table the calculator uses, and the import of a newer one (the monthly quotes arrive faster than
 * releases). The core validates the file; a bad one is refused with the reason and changes nothing.
 */
export function LprTableCard() {
  const { t, msg } = useI18n()
  const [table, setTable] = useState<LprTableView | null>(null)
  const [notice, setNotice] = useState<{ type: 'success' | 'error' | 'warning'; text: string } | null>(null)
  const load = useCallback(() => call('settings.lprTable', undefined).then(setTable), [])
  useEffect(() => {
    void load()
  }, [load])

  async function importFile(file: File) {
    try {
      const json = JSON.parse(await file.text())
      const r = await call('settings.importLprTable', { table: json })
      setNotice(r.inForce ? { type: 'success', text: t('settings.lprImported.ok', { rows: r.rows, last: r.lastEffective }) } : { type: 'warning', text: t('settings.lprImported.notInForce') })
      await load()
    } catch (e) {
      const err = e as { message?: string; messageEn?: string }
      setNotice({ type: 'error', text: err.messageEn ? msg(err as { message: string; messageEn: string }) : String(err.message ?? e) })
    }
    return false
  }

  return (
    <Card size="small" title={t('settings.lpr')} data-testid="lpr-card">
      {table && (
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('settings.lprSource')}>
            <span data-testid="lpr-source">{table.source === 'shipped' ? t('settings.lprShipped') : t('settings.lprImported')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.lprAsOf')}>{table.asOf}</Descriptions.Item>
        </Descriptions>
      )}
      <Upload accept=".json,application/json" showUploadList={false} beforeUpload={importFile}>
        <Button data-testid="lpr-import">{t('settings.lprImport')}</Button>
      </Upload>
      {notice && <Alert style={{ marginTop: 8 }} type={notice.type} title={notice.text} data-testid="lpr-notice" />}
      <Table
        style={{ marginTop: 8 }}
        size="small"
        rowKey="effective"
        dataSource={table?.rows ?? []}
        pagination={{ pageSize: 12, showSizeChanger: false }}
        columns={[
          { title: t('settings.effective'), dataIndex: 'effective' },
          { title: t('settings.lpr1y'), dataIndex: 'lpr1y', align: 'right' },
          { title: t('settings.lpr5y'), dataIndex: 'lpr5y', align: 'right' },
        ]}
      />
    </Card>
  )
}
