import { Tabs } from 'antd'
import { useI18n } from '../../i18n'
import { BatchScreen } from './BatchScreen'
import { FirmSettingsForm } from './FirmSettingsForm'
import { TemplateEditor } from './TemplateEditor'

/** The 文书 area: the template editor, batch generation, and the firm details printed on documents. */
export function DocumentsPage() {
  const { t } = useI18n()
  return (
    <Tabs
      items={[
        { key: 'batch', label: t('doc.batch'), children: <BatchScreen /> },
        { key: 'templates', label: t('doc.templates'), children: <TemplateEditor /> },
        { key: 'firm', label: t('doc.firm'), children: <FirmSettingsForm /> },
      ]}
    />
  )
}
