import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { Borrower } from '../../../../shared/domain/borrower'
import type { CaseDetail } from '../../../../shared/domain/case'
import type { Loan } from '../../../../shared/domain/loan'
import { formatFen } from '../../../../shared/domain/money'
import { call } from '../../api'
import { STAGE_COLORS, stageLabel } from '../../components/labels'
import { navigate } from '../../components/useHashRoute'
import { useI18n } from '../../i18n'
import { ClaimPanel } from '../calculator/ClaimPanel'
import { DocumentsPanel } from '../documents/DocumentsPanel'
import { CaseReviews } from '../review/CaseReviews'
import { CollectionPanel } from '../collection/CollectionPanel'
import { EvidencePanel } from '../evidence/EvidencePanel'
import { BorrowerCard } from './BorrowerCard'
import { LoanPanel } from './LoanPanel'
import { Timeline } from './Timeline'

interface Loaded {
  detail: CaseDetail
  borrower: Borrower
  loans: Loan[]
}

/** One case: its figures, the borrower (editable), the loans with schedule and repayments, and the timeline. */
export function CaseDetailPage({ id }: { id: string }) {
  const { t, lang, msg } = useI18n()
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const detail = await call('cases.get', { id })
      const [borrower, loans] = await Promise.all([call('borrowers.get', { id: detail.borrowerId }), call('loans.listForCase', { id })])
      setData({ detail, borrower, loans })
      setError(null)
    } catch (e) {
      setError(msg(e as { message: string; messageEn: string }))
    }
  }, [id, msg])

  useEffect(() => {
    void load()
  }, [load])

  if (error) return <Alert type="error" title={error} />
  if (!data) return <Spin />
  const { detail, borrower, loans } = data
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        <Button onClick={() => navigate('cases')}>{t('case.back')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-title">
          {detail.caseNo} · {borrower.name}
        </Typography.Title>
        <Tag color={STAGE_COLORS[detail.stage]}>{stageLabel(detail.stage, lang)}</Tag>
      </Space>
      <Card title={t('case.figures')} size="small">
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t('case.dpd')}>{detail.daysPastDue}</Descriptions.Item>
          <Descriptions.Item label={t('case.overdueSince')}>{detail.overdueSince ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('case.principal')}>¥{formatFen(detail.principalOutstandingFen)}</Descriptions.Item>
          <Descriptions.Item label={t('case.repaid')}>¥{formatFen(detail.repaidFen)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <BorrowerCard borrower={borrower} onSaved={load} />
      {loans.length > 0 && <ClaimPanel caseNo={detail.caseNo} loans={loans} />}
      <CaseReviews caseId={id} />
      {loans.map((l) => (
        <LoanPanel key={l.id} loan={l} />
      ))}
      <CollectionPanel caseId={detail.id} onChanged={load} />
      <DocumentsPanel caseId={detail.id} onChanged={load} />
      <EvidencePanel caseId={detail.id} />
      <Timeline entries={detail.timeline} />
    </Space>
  )
}
