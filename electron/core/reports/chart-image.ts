import { Resvg } from '@resvg/resvg-js'
import { join } from 'node:path'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { ChartOption } from '../../../shared/charts/dashboard-charts'
import { FONT_FILE } from '../documents/render-pdf/fonts'
import { resourcesDir } from '../documents/resources'

/**
 * A dashboard chart as a PNG for the DOCX client report: ECharts server-side rendering to SVG (no DOM, no
 * canvas), then resvg draws the SVG with our own Noto Serif SC and no system fonts, so the picture is the
 * same on every machine (about 0.2 s a chart, most of it resvg reading the font). Loaded on the first DOCX
 * report only (echarts and resvg are large; the CLI starts without them).
 */
use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer])

/** CSS pixels of the chart; the PNG is drawn at SCALE× for print. */
export const CHART_SIZE = { width: 720, height: 340 } as const
const SCALE = 2

export async function chartPng(option: ChartOption): Promise<Uint8Array> {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: CHART_SIZE.width, height: CHART_SIZE.height })
  let svg: string
  try {
    const { tooltip: _hover, ...still } = option // a picture has no hover
    chart.setOption({ ...still, animation: false, textStyle: { fontFamily: 'Noto Serif SC' }, backgroundColor: '#ffffff' })
    svg = chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
  const png = new Resvg(svg, {
    font: { fontFiles: [join(resourcesDir(), 'fonts', FONT_FILE)], loadSystemFonts: false, defaultFontFamily: 'Noto Serif SC' },
    fitTo: { mode: 'width', value: CHART_SIZE.width * SCALE },
  }).render().asPng()
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
}
