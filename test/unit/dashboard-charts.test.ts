import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { expect, it } from 'vitest'
import { monthsOption } from '../../shared/charts/dashboard-charts'

use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer])

/** The labels ECharts draws for an option, through its server-side SVG renderer (as the client report does). */
function drawnTexts({ tooltip: _hover, ...option }: { tooltip?: unknown }): string[] {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 340 })
  try {
    chart.setOption({ ...option, animation: false })
    return [...chart.renderToSVGString().matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
  } finally {
    chart.dispose()
  }
}

it('counts months without repayments in whole yuan and cases, not in steps of 0.2', () => {
  const months = ['2026-09', '2026-10', '2026-11'].map((month, i) => ({ month, recoveredFen: 0, repayments: 0, placedCases: [0, 0, 3][i], placedFen: [0, 0, 300_000][i] }))
  const texts = drawnTexts(monthsOption({ months }, { recovered: '回款（元）', placed: '新委案件' }))
  expect(texts).toContain('2026-10')
  const numbers = texts.filter((t) => /^-?[\d.,]+$/.test(t))
  expect(numbers.length).toBeGreaterThan(2)
  expect(numbers.filter((t) => t.includes('.'))).toEqual([])
})
