import { Card, Timeline as AntTimeline } from 'antd'
import type { TimelineEntry } from '../../../../shared/domain/case'
import { useI18n } from '../../i18n'

const COLORS: Record<TimelineEntry['kind'], string> = { opened: 'blue', stage: 'orange', repayment: 'green', action: 'gray', document: 'purple', court: 'red', audit: 'gray', fact: 'cyan' }

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useI18n()
  return (
    <Card size="small" title={t('case.timeline')}>
      <AntTimeline
        items={entries.map((e, i) => ({
          key: i,
          color: COLORS[e.kind],
          content: (
            <span>
              <b>{e.at.slice(0, 10)}</b> {e.title}
              {e.detail ? `（${e.detail}）` : ''}
            </span>
          ),
        }))}
      />
    </Card>
  )
}
