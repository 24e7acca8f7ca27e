import { Alert, Button, Card, List, Space, Tag } from 'antd'
import { useEffect, useState } from 'react'
import type { ReviewSummary } from '../../../../shared/domain/review'
import { formatRatePercent } from '../../../../shared/domain/rate'
import { call } from '../../api'
import { navigate } from '../../components/useHashRoute'
import { useI18n } from '../../i18n'
import { SEVERITY_STYLE } from './severity'

/** The case page's list of contract reviews, with a button to review another contract for the case. */
export function CaseReviews({ caseId }: { caseId: string }) {
  const { t, msg } = useI18n()
  // null while loading: "no reviews" is only said once the list has arrived.
  const [rows, setRows] = useState<ReviewSummary[] | null>(null)
  // A failed load is shown, never passed off as "no reviews": an empty list would tell the lawyer none exist.
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    call('review.listForCase', { caseId }).then(
      (r) => { setRows(r); setError(null) },
      (e: { message: string; messageEn: string }) => setError(msg(e)),
    )
  }, [caseId, msg])
  return (
    <Card size="small" title={t('review.caseReviews')} data-testid="case-reviews"
      extra={<Button onClick={() => navigate('review', 'new', caseId)} data-testid="case-review-new">{t('review.new')}</Button>}>
      {error && <Alert type="error" title={error} data-testid="case-reviews-error" />}
      <List size="small" loading={rows === null && !error} locale={{ emptyText: t('review.none') }} dataSource={rows ?? []}
        renderItem={(r) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate('review', r.id)}>
            <Space>
              <span>{r.fileName ?? t('review.paste')}</span>
              <span>{r.createdAt.slice(0, 10)}</span>
              <span>{t('review.cost')} {formatRatePercent(r.allInAnnualCost)}</span>
              {(['critical', 'warning', 'info'] as const).map((s) => r[s] > 0 && <Tag key={s} color={SEVERITY_STYLE[s].tag}>{t(`review.${s}`)} {r[s]}</Tag>)}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  )
}
