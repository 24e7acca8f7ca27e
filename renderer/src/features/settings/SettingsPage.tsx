import { Space, Typography } from 'antd'
import { useI18n } from '../../i18n'
import { ConductRulesCard } from '../collection/ConductRulesCard'
import { ReductionLimitsCard } from '../collection/ReductionLimitsCard'
import { LprTableCard } from './LprTableCard'

/** Settings: the reference data the law rules run on, which a lawyer may need to update between releases, and the firm's collection rules. */
export function SettingsPage() {
  const { t } = useI18n()
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.settings')}</Typography.Title>
      <LprTableCard />
      <ConductRulesCard />
      <ReductionLimitsCard />
    </Space>
  )
}
