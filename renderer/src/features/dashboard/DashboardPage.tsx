import { Button, Card, Col, DatePicker, Dropdown, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useMemo, useRef, useState } from 'react'
import { STAGES, type Stage } from '../../../../shared/domain/enums'
import type { Lender } from '../../../../shared/domain/lender'
import { formatFen } from '../../../../shared/domain/money'
import { AGING_BUCKETS, type AGGREGATES, type Dashboard, type LawyerWorkload, type LimitationRisk, type ReportFilter } from '../../../../shared/domain/report'
import { call } from '../../api'
import { stageLabel } from '../../components/labels'
import { navigate } from '../../components/useHashRoute'
import { useI18n } from '../../i18n'
import { saveExported } from './download'
import { EChart } from './EChart'
import { takePrefetched } from './prefetch'
import { ExportCasesButton } from './ExportCasesButton'
import { casesWith } from '../../components/hashQuery'
import { agingOption, funnelOption, monthsOption } from '../../../../shared/charts/dashboard-charts'

/**
 * 看板: the book at a glance for a team lead. Every figure comes from reports.dashboard (SQL in the core);
 * each chart clicks through to the case list filtered the same way; each aggregate exports to XLSX/CSV.
 * The frame (filters, cards, titles) paints at once with placeholders; the figures fill it when they arrive.
 */
const CHART_HEIGHT = 260
const chartPlaceholder = <Skeleton.Node active style={{ width: '100%', height: CHART_HEIGHT }} />
export function DashboardPage() {
  const { t, lang, msg } = useI18n()
  const [filter, setFilter] = useState<ReportFilter>({})
  const [early] = useState(takePrefetched)
  const first = useRef(early?.promise ?? null)
  const [d, setD] = useState<Dashboard | null>(early?.value ?? null)
  const [lenders, setLenders] = useState<Lender[]>([])
  // The two tables mount a frame after the figures: the cards and charts are painted first (bench firstPaint).
  const [tables, setTables] = useState(false)
  useEffect(() => {
    if (!d || tables) return
    let timer = 0
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setTables(true))))
    return () => (cancelAnimationFrame(frame), clearTimeout(timer))
  }, [d, tables])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('lenders.list', undefined).then(setLenders, (e) => setError(msg(e)))
  }, [msg])
  useEffect(() => {
    let live = true
    // The first unfiltered load may already be on its way (or here) from boot.ts; it is used once.
    const pending = first.current && Object.keys(filter).length === 0 ? first.current : null
    first.current = null
    ;(pending ?? call('reports.dashboard', filter)).then((x) => live && (setD(x), setError(null)), (e) => live && setError(msg(e)))
    return () => {
      live = false
    }
  }, [filter, msg])

  const aging = useMemo(() => d && agingOption(d, { count: t('dash.count'), principal: t('dash.principal') }), [d, t])
  const funnel = useMemo(() => d && funnelOption(d, (s) => stageLabel(s, lang), t('dash.count')), [d, lang, t])
  const months = useMemo(() => d && monthsOption(d, { recovered: t('dash.recoveredSeries'), placed: t('dash.placedSeries') }), [d, t])
  const scope = { owner: filter.owner, stage: filter.stage }
  const exportAggregate = (aggregate: (typeof AGGREGATES)[number], format: 'xlsx' | 'csv') =>
    call('reports.exportAggregate', { aggregate, format, filter }).then(saveExported, (e) => setError(msg(e)))
  const exportMenu = (aggregate: (typeof AGGREGATES)[number]) => (
    <Dropdown menu={{ items: [{ key: 'xlsx', label: 'XLSX' }, { key: 'csv', label: 'CSV' }], onClick: (e) => exportAggregate(aggregate, e.key as 'xlsx' | 'csv') }}>
      <Button size="small" data-testid={`export-${aggregate}`}>{t('dash.export')}</Button>
    </Dropdown>
  )

  return (
    <div data-testid="dashboard">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear style={{ width: 240 }} placeholder={t('dash.lender')} value={filter.lenderId} data-testid="dash-lender"
          onChange={(v) => setFilter((f) => ({ ...f, lenderId: v }))} options={lenders.map((l) => ({ value: l.id, label: l.name }))} />
        <Select allowClear style={{ width: 140 }} placeholder={t('dash.owner')} value={filter.owner}
          onChange={(v) => setFilter((f) => ({ ...f, owner: v }))} options={(d?.lawyers ?? []).filter((l) => l.owner).map((l) => ({ value: l.owner!, label: l.owner! }))} />
        <Select allowClear style={{ width: 120 }} placeholder={t('dash.stage')} value={filter.stage}
          onChange={(v) => setFilter((f) => ({ ...f, stage: v }))} options={STAGES.map((s) => ({ value: s, label: stageLabel(s, lang) }))} />
        <DatePicker.RangePicker picker="month" allowClear value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
          onChange={(v) => setFilter((f) => ({ ...f, from: v?.[0]?.format('YYYY-MM'), to: v?.[1]?.format('YYYY-MM') }))} />
        <ExportCasesButton filter={{ ...scope, lenderId: filter.lenderId }} onError={setError} />
        <Typography.Text type="secondary">{t('dash.clickHint')}</Typography.Text>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Space>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={4}><Card size="small"><Statistic title={t('dash.open')} loading={!d} value={d?.totals.openCases} /></Card></Col>
        <Col span={5}><Card size="small"><Statistic title={t('dash.outstanding')} loading={!d} value={d ? formatFen(d.totals.principalOutstandingFen) : undefined} /></Card></Col>
        <Col span={5}><Card size="small"><Statistic title={t('dash.recovered')} loading={!d} value={d ? formatFen(d.totals.recoveredFen) : undefined} /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title={t('dash.keptRate')} loading={!d} value={!d || d.promises.keptRatePct === null ? '—' : `${d.promises.keptRatePct}%`} /></Card></Col>
        <Col span={3}><Card size="small"><Statistic title={t('dash.limit30')} loading={!d} value={d?.limitation.within30} styles={{ content: { color: d?.limitation.within30 ? '#cf1322' : undefined } }} /></Card></Col>
        <Col span={3}><Card size="small"><Statistic title={t('dash.limit90')} loading={!d} value={d?.limitation.within90} /></Card></Col>
      </Row>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={12}>
          <Card size="small" title={t('dash.aging')} extra={exportMenu('aging')}>
            {aging ? <EChart testId="chart-aging" option={aging} onClick={(e) => casesWith({ dpdBucket: AGING_BUCKETS[e.dataIndex], ...scope })} /> : chartPlaceholder}
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('dash.funnel')} extra={exportMenu('funnel')}>
            {d && funnel ? <EChart testId="chart-funnel" option={funnel} onClick={(e) => casesWith({ stage: [...d.funnel].reverse()[e.dataIndex].stage, owner: filter.owner })} /> : chartPlaceholder}
          </Card>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" title={t('dash.months')} extra={exportMenu('months')}>
            {months ? <EChart testId="chart-months" option={months} /> : chartPlaceholder}
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('dash.lawyers')} extra={exportMenu('lawyers')}>
            {!tables ? <Skeleton active /> : <Table<LawyerWorkload> size="small" rowKey={(r) => r.owner ?? '-'} pagination={false} scroll={{ y: 220 }} loading={!d} dataSource={d?.lawyers ?? []}
              onRow={(r) => ({ onClick: () => r.owner && casesWith({ owner: r.owner, stage: filter.stage }), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('col.owner'), dataIndex: 'owner', render: (o: string | null) => o ?? t('dash.unassigned') },
                { title: t('dash.open'), dataIndex: 'openCases', align: 'right' },
                { title: t('dash.actionsWeek'), dataIndex: 'actionsThisWeek', align: 'right' },
                { title: t('dash.recovered'), dataIndex: 'recoveredFen', align: 'right', render: (f: number) => formatFen(f) },
              ]} />}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('dash.limitation')} extra={exportMenu('limitation')} style={{ marginTop: 12 }}>
        {!tables ? <Skeleton active /> : <Table<LimitationRisk> size="small" rowKey={(r) => `${r.caseId}-${r.contractNo}`} pagination={{ pageSize: 10 }} loading={!d} dataSource={d?.limitation.rows ?? []} data-testid="limitation-table"
          onRow={(r) => ({ onClick: () => navigate('cases', r.caseId), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('col.caseNo'), dataIndex: 'caseNo' },
            { title: t('col.borrower'), dataIndex: 'borrowerName' },
            { title: t('col.lender'), dataIndex: 'lenderName', ellipsis: true },
            { title: t('col.owner'), dataIndex: 'owner' },
            { title: t('col.stage'), dataIndex: 'stage', render: (s: Stage) => stageLabel(s, lang) },
            { title: t('dash.expiry'), dataIndex: 'expiry', render: (e: string, r) => (r.provisional ? `${e} *` : e) },
            { title: t('dash.daysLeft'), dataIndex: 'daysLeft', align: 'right' },
          ]} />}
      </Card>
    </div>
  )
}
