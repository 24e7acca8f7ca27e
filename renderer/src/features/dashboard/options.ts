import type { EChartsCoreOption } from 'echarts/core'
import { fenToYuan } from '../../../../shared/domain/money'
import { AGING_BUCKETS, type Dashboard } from '../../../../shared/domain/report'
import { stageLabel } from '../../components/labels'
import type { Lang } from '../../i18n'

/** Yuan as a number for the chart axis only (display; the figures themselves stay integer fen). */
const yuan = (fen: number) => Number(fenToYuan(fen))

/** Aging: bars of case counts (left axis) and principal (right axis) per bucket, keyed M1 … M6+. */
export function agingOption(d: Dashboard, t: (k: 'dash.count' | 'dash.principal') => string): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 72, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: [...AGING_BUCKETS] },
    yAxis: [{ type: 'value', name: t('dash.count'), minInterval: 1 }, { type: 'value', name: t('dash.principal'), splitLine: { show: false } }],
    series: [
      { name: t('dash.count'), type: 'bar', data: AGING_BUCKETS.map((b) => d.aging[b].count), itemStyle: { color: '#1677ff' } },
      { name: t('dash.principal'), type: 'bar', yAxisIndex: 1, data: AGING_BUCKETS.map((b) => yuan(d.aging[b].principalFen)), itemStyle: { color: '#fa8c16' } },
    ],
  }
}

export function funnelOption(d: Dashboard, lang: Lang, name: string): EChartsCoreOption {
  const stages = [...d.funnel].reverse()
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: stages.map((s) => stageLabel(s.stage, lang)) },
    series: [{ name, type: 'bar', data: stages.map((s) => s.count), itemStyle: { color: '#13c2c2' } }],
  }
}

export function monthsOption(d: Dashboard, t: (k: 'dash.recoveredSeries' | 'dash.placedSeries') => string): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 72, right: 48, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: d.months.map((m) => m.month) },
    yAxis: [{ type: 'value' }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
    series: [
      { name: t('dash.recoveredSeries'), type: 'bar', data: d.months.map((m) => yuan(m.recoveredFen)), itemStyle: { color: '#52c41a' } },
      { name: t('dash.placedSeries'), type: 'line', yAxisIndex: 1, data: d.months.map((m) => m.placedCases), itemStyle: { color: '#722ed1' } },
    ],
  }
}
