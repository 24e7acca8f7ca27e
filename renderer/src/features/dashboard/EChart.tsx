import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use, type ECharts, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only the parts the dashboard draws: a smaller bundle and a faster first paint.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export interface ChartClick {
  name: string
  dataIndex: number
  seriesIndex: number
}

/**
 * One ECharts chart in a div. `data-ready="1"` is set once the figures are drawn (the bench and the e2e test
 * wait for it), and a performance mark `chart:<testId>` once that frame is painted (the bench's first-paint clock); the
 * instance hangs on the element as `__chart` so a test can find where a bar is drawn.
 */
export function EChart({ option, onClick, height = 260, testId }: { option: EChartsCoreOption; onClick?: (e: ChartClick) => void; height?: number; testId: string }) {
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)
  const click = useRef(onClick)
  click.current = onClick

  useEffect(() => {
    // The chart is only mounted with its figures (the page shows a placeholder before), so 'finished' means drawn with data.
    const c = init(el.current!, undefined, { renderer: 'svg' })
    chart.current = c
    ;(el.current as unknown as { __chart: ECharts }).__chart = c
    c.on('click', (e) => click.current?.({ name: String(e.name), dataIndex: e.dataIndex, seriesIndex: e.seriesIndex ?? 0 }))
    c.on('finished', () => {
      if (el.current?.getAttribute('data-ready') === '1') return
      el.current?.setAttribute('data-ready', '1')
      // 'finished' comes in an animation frame (ECharts draws the first frame, then confirms in the next): a task
      // queued now runs once that frame has been painted, before the tables mounted a frame later (DashboardPage).
      setTimeout(() => performance.mark(`chart:${testId}`))
    })
    const resize = () => c.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      c.dispose()
    }
  }, [])

  useEffect(() => {
    // No entry animation: the figures are there at once (the bars growing for a second only delays reading them).
    chart.current?.setOption({ ...option, animation: false }, { notMerge: true })
  }, [option])

  return <div ref={el} data-testid={testId} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />
}
