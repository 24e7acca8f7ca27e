import { Card, Descriptions, Table } from 'antd'
import type { StoredReview } from '../../../../shared/domain/review'
import { formatFen } from '../../../../shared/domain/money'
import { formatRatePercent } from '../../../../shared/domain/rate'
import { useI18n } from '../../i18n'

/** The all-in annualised cost (IRR of the scheduled cash flows), the cap it is measured against, and the flows. */
export function CostCard({ review }: { review: StoredReview }) {
  const { t } = useI18n()
  const money = (fen: number) => formatFen(fen)
  return (
    <Card size="small" title={t('review.cost')}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('review.cost')}>
          <span data-testid="review-cost">{review.allInAnnualCost === null ? '—' : formatRatePercent(review.allInAnnualCost)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('review.cap')}>{review.cap?.label ?? '—'}</Descriptions.Item>
        {review.costConvention && <Descriptions.Item label="IRR">{review.costConvention}</Descriptions.Item>}
      </Descriptions>
      {review.cashFlows.length > 0 && (
        <Table
          size="small"
          data-testid="cash-flows"
          rowKey="period"
          pagination={false}
          scroll={{ y: 240 }}
          dataSource={review.cashFlows}
          columns={[
            { title: t('review.period'), dataIndex: 'period', width: 50 },
            { title: t('review.date'), dataIndex: 'date', render: (d: string | null) => d ?? '—' },
            { title: t('review.principal'), dataIndex: 'principalFen', align: 'right', render: money },
            { title: t('review.interest'), dataIndex: 'interestFen', align: 'right', render: money },
            { title: t('review.fee'), dataIndex: 'feeFen', align: 'right', render: money },
            { title: t('review.amount'), dataIndex: 'amountFen', align: 'right', render: money },
          ]}
        />
      )}
    </Card>
  )
}
