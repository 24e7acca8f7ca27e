import { Empty, Typography } from 'antd'
import { useI18n } from '../../i18n'

/** An area of the navigation that is not built yet: it says so instead of pretending. */
export function Placeholder({ title }: { title: string }) {
  const { t } = useI18n()
  return (
    <div>
      <Typography.Title level={4}>{title}</Typography.Title>
      <Empty description={t('placeholder.soon')} />
    </div>
  )
}
