import { formatFen } from '../../../shared/domain/money'
import { AGING_BUCKETS } from '../../../shared/domain/report'
import type { CoreContext } from '../context'
import { COURT_MARGINS_MM, type Block, type DocumentModel, type Run } from '../documents/model'
import type { LimitationRisk } from '../../../shared/domain/report'
import { BUCKET_LABELS } from './aggregate-export'
import { clientReportData, REPORT_LIST_ROWS, stageZh, type ClientReportData } from './client-report-data'
import { monthEnd } from './scope'
import { CHART_HEADINGS, CHART_SPACER_LINES } from './chart-layout'
import { agingOption, funnelOption, monthsOption, type ChartOption } from '../../../shared/charts/dashboard-charts'

const r = (text: string, bold = false): Run[] => [{ text, ...(bold && { bold }) }]
const p = (text: string): Block => ({ kind: 'paragraph', runs: r(text), align: 'justify', indent: true })
const h = (number: string, text: string): Block => ({ kind: 'heading', level: 1, number, text })
const table = (weights: number[], header: string[], rows: string[][]): Block => ({
  kind: 'table',
  columns: weights.map((weight, i) => ({ weight, align: i === 0 ? 'left' : 'center' })),
  headerRows: 1,
  rows: [header.map((c) => r(c, true)), ...rows.map((row) => row.map((c) => r(c)))],
})
const yuan = (fen: number) => `${formatFen(fen)}`
const monthZh = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`
const more = (total: number, shown: number) => (total > shown ? [p(`（共 ${total} 条，此处列出前 ${shown} 条；完整清单可在案件台导出。）`)] : [])

type ChartKey = 'aging' | 'funnel' | 'months'

/** The report's charts: the dashboard's own options (shared/charts) over the report's figures, labelled in Chinese. */
export function reportChartOptions(d: ClientReportData): Record<ChartKey, ChartOption> {
  return {
    aging: agingOption(d.month1, { count: '户数', principal: '未还本金（元）' }),
    funnel: funnelOption(d.stages, stageZh, '户数'),
    months: monthsOption(d.months6, { recovered: '回款（元）', placed: '新委案件' }),
  }
}

const CHART_ALT: Record<ChartKey, string> = { aging: '逾期账龄分布图（户数与未还本金）', funnel: '案件阶段分布图（户数）', months: '近六个月回款与新委案件图' }
/** On the page: nearly the text width (156 mm), in the chart's proportions (chart-image.ts CHART_SIZE). */
const CHART_MM = { width: 150, height: 70 }

/**
 * The monthly client report as the document model both renderers read. `charts` are PNG pictures under
 * their tables (the DOCX); without them the PDF gets a last page with room for vector charts (pdf-charts.ts).
 * The figures stay in the tables either way, for readers who cannot see the pictures.
 */
export function clientReportModel(d: ClientReportData, charts?: Record<ChartKey, Uint8Array>): DocumentModel {
  const m = d.month1
  const picture = (k: ChartKey): Block[] => (charts ? [{ kind: 'image', png: charts[k], widthMm: CHART_MM.width, heightMm: CHART_MM.height, alt: CHART_ALT[k] }] : [])
  const blocks: Block[] = [
    { kind: 'title', text: `逾期资产处置月度报告（${monthZh(d.month)}）` },
    p(`委托人：${d.lenderName}。报告期间：${d.month}-01 至 ${monthEnd(d.month)}。回款、委案、承诺履约为报告期间数据；${d.stages.past
      ? `案件阶段分布为 ${d.stages.date} 日终的数据（据阶段变动记录）；在办案件、账龄为截至 ${d.asOf} 的存量数据（系统不保存历史账龄）。`
      : `在办案件、账龄、阶段为截至 ${d.asOf} 的存量数据。`}`),
    h('一、', '本月概况'),
    table([3, 2], ['项目', '数值'], [
      ['在办案件（件）', String(m.totals.openCases)],
      ['在办未还本金（元）', yuan(m.totals.principalOutstandingFen)],
      ['本月回款（元）', yuan(m.totals.recoveredFen)],
      ['本月回款笔数', String(m.months[0]?.repayments ?? 0)],
      ['本月新委案件（件）', String(m.totals.placedCases)],
      ['本月到期承诺履约率', m.promises.keptRatePct === null ? '—（无已到期承诺）' : `${m.promises.keptRatePct}%（${m.promises.kept}/${m.promises.kept + m.promises.partlyKept + m.promises.broken}）`],
      ['诉讼时效 30 天内届满（件）', String(m.limitation.within30)],
      ['诉讼时效 90 天内届满（件）', String(m.limitation.within90)],
    ]),
    h('二、', '逾期账龄分布'),
    table([3, 2, 3], ['账龄', '户数', '未还本金（元）'], [
      [BUCKET_LABELS.current, String(m.current.count), yuan(m.current.principalFen)],
      ...AGING_BUCKETS.map((b) => [BUCKET_LABELS[b], String(m.aging[b].count), yuan(m.aging[b].principalFen)]),
    ]),
    ...picture('aging'),
    h('三、', d.stages.past ? `案件阶段分布（${d.stages.date} 日终）` : '案件阶段分布'),
    table([3, 2, 3], ['阶段', '户数', '未还本金（元）'], d.stages.funnel.map((s) => [stageZh(s.stage), String(s.count), yuan(s.principalFen)])),
    ...(d.stages.unrecorded ? [p(`另有 ${d.stages.unrecorded} 件案件在 ${d.stages.date} 之后才录入本系统，当时所处阶段无记录，未计入上表。`)] : []),
    ...picture('funnel'),
    h('四、', '近六个月回款'),
    table([2, 3, 2, 2], ['月份', '回款（元）', '笔数', '新委案件'], d.months6.months.map((x) => [x.month, yuan(x.recoveredFen), String(x.repayments), String(x.placedCases)])),
    ...picture('months'),
    h('五、', '本月阶段变动的案件'),
    ...(d.moves.total === 0 ? [p('本月无阶段变动。')] : [table([3, 2, 2, 2, 2], ['案件编号', '借款人', '原阶段', '新阶段', '日期'], d.moves.rows.map((x) => [x.caseNo, x.borrowerName, stageZh(x.from), stageZh(x.to), x.date]))]),
    ...more(d.moves.total, d.moves.rows.length),
    h('六、', '本月回款明细'),
    ...(d.recoveries.total === 0 ? [p('本月无回款。')] : [
      p(`本月回款共 ${d.recoveries.total} 笔，合计 ${yuan(d.recoveries.totalFen)} 元。`),
      table([2, 3, 2, 3, 2], ['日期', '案件编号', '借款人', '合同编号', '金额（元）'], d.recoveries.rows.map((x) => [x.date, x.caseNo, x.borrowerName, x.contractNo, yuan(x.amountFen)])),
    ]),
    ...more(d.recoveries.total, d.recoveries.rows.length),
    h('七、', '需委托人决定的事项'),
    ...(d.decisions.length === 0 ? [p('本月无需委托人决定的事项。')] : [table([3, 2, 3, 5], ['案件编号', '借款人', '事项', '说明'], d.decisions.map((x) => [x.caseNo, x.borrowerName, x.matter, x.detail]))]),
    p(`说明：每类事项最多列出 ${REPORT_LIST_ROWS} 件。诉讼时效按最后一期到期日起三年计算，并计入有送达凭证的催收、到期后的还款、还款方案和起诉等中断、中止事由。`),
  ]
  if (!charts) {
    blocks.push({ kind: 'pageBreak' })
    for (const text of CHART_HEADINGS) blocks.push(h('', text), { kind: 'spacer', lines: CHART_SPACER_LINES })
  }
  return {
    meta: { title: `${d.lenderName} 逾期资产处置月度报告（${monthZh(d.month)}）`, date: d.asOf, subject: `${d.month} 月度报告`, author: 'CaseDesk' },
    margins: COURT_MARGINS_MM,
    header: `${d.lenderName} · ${monthZh(d.month)}`,
    pageNumbers: true,
    blocks,
  }
}

/** Render the report: PDF with vector charts drawn on its last page, DOCX with the dashboard's charts as pictures. */
export async function buildClientReport(ctx: CoreContext, risks: LimitationRisk[], lenderId: string, lenderName: string, month: string, format: 'pdf' | 'docx') {
  const data = clientReportData(ctx.db.raw, risks, lenderId, lenderName, month, ctx.today())
  // Renderers and chart drawing (pdf-lib, docx, echarts, resvg) load on first use.
  if (format === 'pdf') {
    const model = clientReportModel(data)
    const bytes = await (await import('./pdf-charts')).drawPdfCharts(await (await import('../documents/render-pdf/index')).renderPdf(model), model, data)
    return { bytes, rows: data.recoveries.total }
  }
  const { chartPng } = await import('./chart-image')
  const options = reportChartOptions(data)
  const charts = { aging: await chartPng(options.aging), funnel: await chartPng(options.funnel), months: await chartPng(options.months) }
  const bytes = await (await import('../documents/render-docx')).renderDocx(clientReportModel(data, charts))
  return { bytes, rows: data.recoveries.total }
}
