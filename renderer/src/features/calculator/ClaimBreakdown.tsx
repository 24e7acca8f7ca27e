import { Alert, Space, Table, Tooltip, Typography } from 'antd'
import type { ClaimComponents, ClaimLine, ClaimResult } from '../../../../shared/domain/claim'
import { formatRatePercent } from '../../../../shared/domain/rate'
import { useI18n } from '../../i18n'
import { COMPONENT_LABELS, LINE_KIND_LABELS } from './labels'

/**
 * One calculation explained: the contract's figures beside the supportable ones, the cap in words, the
 * engine's warnings, and every period line with its legal basis on hover. Shown on the case page and in the
 * stand-alone calculator.
 */
export function ClaimBreakdown({ result: r }: { result: ClaimResult }) {
  const { t, lang } = useI18n()
  const label = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh)
  const rows = (Object.keys(COMPONENT_LABELS) as (keyof ClaimComponents)[]).map((k) => ({ key: k, label: label(COMPONENT_LABELS[k]), contract: r.uncapped[k], supportable: r[k] }))
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="calc-summary"
        columns={[
          { title: '', dataIndex: 'label', width: 160 },
          { title: t('calc.byContract'), dataIndex: 'contract', align: 'right' },
          { title: t('calc.supportable'), dataIndex: 'supportable', align: 'right', render: (v: string, row) => <b data-testid={`calc-${row.key}`}>{v}</b> },
        ]}
      />
      <Typography.Paragraph data-testid="calc-cap" style={{ margin: 0 }}>
        {t('calc.cap')}：{lang === 'en' ? r.cap.basisEn : r.cap.basis}
      </Typography.Paragraph>
      {r.warnings.map((w) => <Alert key={w.code + w.message} type="warning" title={lang === 'en' ? w.messageEn : w.message} />)}
      <Table<ClaimLine>
        size="small"
        rowKey={(l) => `${l.kind}-${l.from}-${l.to}-${l.base}`}
        pagination={false}
        dataSource={r.lines}
        scroll={{ y: 320 }}
        columns={[
          { title: t('calc.from'), dataIndex: 'from', width: 100 },
          { title: t('calc.to'), dataIndex: 'to', width: 100 },
          { title: t('calc.days'), dataIndex: 'days', width: 60, align: 'right' },
          { title: t('calc.kind'), dataIndex: 'kind', width: 130, render: (k: ClaimLine['kind'], l) => <Tooltip title={lang === 'en' ? l.basisEn : l.basis}><span data-testid="calc-line-kind">{label(LINE_KIND_LABELS[k])}</span></Tooltip> },
          { title: t('calc.base'), dataIndex: 'base', align: 'right' },
          { title: t('calc.rate'), dataIndex: 'rate', align: 'right', render: (v: string | null) => formatRatePercent(v) },
          { title: t('calc.amount'), dataIndex: 'amount', align: 'right' },
        ]}
      />
    </Space>
  )
}
