import { Card, Tabs } from 'antd'
import { useState } from 'react'
import { useI18n } from '../../i18n'
import { AcknowledgementsPanel } from './AcknowledgementsPanel'
import { ActionLog } from './ActionLog'
import { AssetsPanel } from './AssetsPanel'
import { DeadlinesPanel } from './DeadlinesPanel'
import { LitigationPanel } from './LitigationPanel'
import { PlanBuilder } from './PlanBuilder'
import { PromisesPanel } from './PromisesPanel'
import { StageControl } from './StageControl'

/** The case page's collection and disputes panel: stage, contact log, promises, deadlines and limitation, plan, known assets, signed acknowledgements, litigation. */
export function CollectionPanel({ caseId, onChanged }: { caseId: string; onChanged(): void }) {
  const { t } = useI18n()
  // Bumped after any write that can move a deadline, so the deadlines tab re-reads.
  const [version, setVersion] = useState(0)
  const changed = () => {
    setVersion((v) => v + 1)
    onChanged()
  }
  return (
    <Card size="small" title={t('col.title')} data-testid="collection-panel">
      <Tabs
        size="small"
        items={[
          { key: 'log', label: t('col.log'), children: <ActionLog caseId={caseId} onChanged={changed} /> },
          { key: 'stage', label: t('col.stage'), children: <StageControl caseId={caseId} onChanged={changed} /> },
          { key: 'promises', label: t('col.promises'), children: <PromisesPanel caseId={caseId} /> },
          { key: 'deadlines', label: t('col.deadlines'), children: <DeadlinesPanel caseId={caseId} version={version} /> },
          { key: 'plan', label: t('col.plan'), children: <PlanBuilder caseId={caseId} onChanged={changed} /> },
          { key: 'assets', label: t('col.assets'), children: <AssetsPanel caseId={caseId} onChanged={changed} /> },
          { key: 'acks', label: t('col.acks'), children: <AcknowledgementsPanel caseId={caseId} onChanged={changed} /> },
          { key: 'litigation', label: t('col.litigation'), children: <LitigationPanel caseId={caseId} onChanged={changed} /> },
        ]}
      />
    </Card>
  )
}
