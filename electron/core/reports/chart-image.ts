import { Resvg } from '@resvg/resvg-js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { ChartOption } from '../../../shared/charts/dashboard-charts'
import { subsetForText } from '../documents/render-pdf/fonts'

/**
 * A dashboard chart as a PNG for the DOCX client report: ECharts server-side rendering to SVG (no DOM, no
 * canvas), then resvg draws the SVG with our own Noto Serif SC and no system fonts, so the picture is the
 * same on every machine. resvg takes fonts only as files and would read the whole 15 MB font for every chart
 * (~0.2 s each), so it gets a subset of the characters the SVG holds, cut from the PDF renderer's warm HarfBuzz
 * face (~1 ms) and written to a temporary file. Loaded on the first DOCX report only (echarts and resvg are
 * large; the CLI starts without them).
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
  const dir = mkdtempSync(join(tmpdir(), 'casedesk-chart-'))
  try {
    const font = join(dir, 'font.ttf')
    writeFileSync(font, await subsetForText(svg)) // the markup's characters too: a few more glyphs, never one missing
    const png = new Resvg(svg, {
      font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: 'Noto Serif SC' },
      fitTo: { mode: 'width', value: CHART_SIZE.width * SCALE },
    }).render().asPng()
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
