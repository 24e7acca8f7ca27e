import { Card, Col, Descriptions, Row, Table } from 'antd'
import { REPAYMENT_METHOD_LABELS } from '../../../../shared/domain/enums'
import type { Loan, Repayment, ScheduleItem } from '../../../../shared/domain/loan'
import { formatFen } from '../../../../shared/domain/money'
import { formatRatePercent } from '../../../../shared/domain/rate'
import { useI18n } from '../../i18n'

/** A loan contract with its schedule and repayments side by side. */
export function LoanPanel({ loan }: { loan: Loan }) {
  const { t, lang } = useI18n()
  const method = REPAYMENT_METHOD_LABELS[loan.repaymentMethod]
  return (
    <Card size="small" title={`${t('case.loans')} ${loan.contractNo}`} extra={loan.lenderName}>
      <Descriptions size="small" column={4} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('loan.contractAmount')}>¥{formatFen(loan.contractAmountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('loan.disbursed')}>¥{formatFen(loan.disbursedAmountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('loan.disbursementDate')}>{loan.disbursementDate}</Descriptions.Item>
        <Descriptions.Item label={t('loan.rate')}>{formatRatePercent(loan.rateTerm)}</Descriptions.Item>
        <Descriptions.Item label={t('loan.method')}>{lang === 'en' ? method.en : method.zh}</Descriptions.Item>
      </Descriptions>
      <Row gutter={12}>
        <Col span={14}>
          <Table<ScheduleItem>
            size="small"
            rowKey="seq"
            title={() => t('loan.schedule')}
            dataSource={loan.schedule}
            pagination={false}
            scroll={{ y: 240 }}
            columns={[
              { title: '#', dataIndex: 'seq', width: 40 },
              { title: t('loan.dueDate'), dataIndex: 'dueDate' },
              { title: t('loan.principal'), dataIndex: 'principalFen', align: 'right', render: formatFen },
              { title: t('loan.interest'), dataIndex: 'interestFen', align: 'right', render: formatFen },
            ]}
          />
        </Col>
        <Col span={10}>
          <Table<Repayment>
            size="small"
            rowKey="id"
            title={() => t('loan.repayments')}
            dataSource={loan.repayments}
            pagination={false}
            scroll={{ y: 240 }}
            columns={[
              { title: t('loan.date'), dataIndex: 'date' },
              { title: t('loan.amount'), dataIndex: 'amountFen', align: 'right', render: formatFen },
            ]}
          />
        </Col>
      </Row>
    </Card>
  )
}
