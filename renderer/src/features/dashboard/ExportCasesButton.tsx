import { Button, Dropdown } from 'antd'
import type { CaseExportInput } from '../../../../shared/domain/report'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { saveExported } from './download'

/** 导出案件清单: every case of the current filters as XLSX or CSV, masked, with the filters in the file name. */
export function ExportCasesButton({ filter, onError }: { filter: CaseExportInput['filter']; onError(message: string): void }) {
  const { t, msg } = useI18n()
  return (
    <Dropdown menu={{ items: [{ key: 'xlsx', label: 'XLSX' }, { key: 'csv', label: 'CSV' }], onClick: (e) =>
      call('reports.exportCases', { format: e.key as 'xlsx' | 'csv', filter }).then(saveExported, (x) => onError(msg(x))) }}>
      <Button data-testid="export-cases">{t('dash.exportCases')}</Button>
    </Dropdown>
  )
}
