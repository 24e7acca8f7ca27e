import { fenToYuan } from '../domain/money'
import { AGING_BUCKETS, type Dashboard } from '../domain/report'
import type { Stage } from '../domain/enums'

/**
 * The dashboard's charts as plain ECharts option objects, built from the core's figures. Shared by the
 * screen (renderer/src/features/dashboard) and the DOCX client report (electron/core/reports/chart-image.ts,
 * ECharts server-side rendering), so the picture a client gets is the one the team lead sees. Plain objects
 * because shared/ imports nothing but zod; both sides hand them to ECharts' setOption as they are.
 */
// ECharts' own option type is an open record too (ECBasicOption has `[key: string]: any`).
export type ChartOption = { [key: string]: any }

/** Yuan as a number for the chart axis only (display; the figures themselves stay integer fen). */
const yuan = (fen: number) => Number(fenToYuan(fen))

/** Aging: bars of case counts (left axis) and principal (right axis) per bucket, keyed M1 … M6+. */
export function agingOption(d: Pick<Dashboard, 'aging'>, label: { count: string; principal: string }): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 72, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: [...AGING_BUCKETS] },
    yAxis: [{ type: 'value', name: label.count, minInterval: 1 }, { type: 'value', name: label.principal, splitLine: { show: false } }],
    series: [
      { name: label.count, type: 'bar', data: AGING_BUCKETS.map((b) => d.aging[b].count), itemStyle: { color: '#1677ff' } },
      { name: label.principal, type: 'bar', yAxisIndex: 1, data: AGING_BUCKETS.map((b) => yuan(d.aging[b].principalFen)), itemStyle: { color: '#fa8c16' } },
    ],
  }
}

/** Stages as horizontal bars, the first stage on top (so bar i is d.funnel reversed, for click-through). */
export function funnelOption(d: Pick<Dashboard, 'funnel'>, stageName: (s: Stage) => string, name: string): ChartOption {
  const stages = [...d.funnel].reverse()
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: stages.map((s) => stageName(s.stage)) },
    series: [{ name, type: 'bar', data: stages.map((s) => s.count), itemStyle: { color: '#13c2c2' } }],
  }
}

/** Recovered per month (bars, left axis) and cases placed (line, right axis). */
export function monthsOption(d: Pick<Dashboard, 'months'>, label: { recovered: string; placed: string }): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 72, right: 48, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: d.months.map((m) => m.month) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1, splitLine: { show: false } }], // whole yuan and whole cases: no 0.2 steps when a range has no repayments
    series: [
      { name: label.recovered, type: 'bar', data: d.months.map((m) => yuan(m.recoveredFen)), itemStyle: { color: '#52c41a' } },
      { name: label.placed, type: 'line', yAxisIndex: 1, data: d.months.map((m) => m.placedCases), itemStyle: { color: '#722ed1' } },
    ],
  }
}
