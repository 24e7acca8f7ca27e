/**
 * Where the PDF client report leaves room for its charts: one heading and this many blank lines per chart.
 * Shared by the report model (client-report.ts) and the chart drawing (pdf-charts.ts), which is loaded
 * only when a PDF is made.
 */
export const CHART_HEADINGS = ['附图一　逾期账龄分布（户数）', '附图二　近六个月回款（元）'] as const
export const CHART_SPACER_LINES = 9
