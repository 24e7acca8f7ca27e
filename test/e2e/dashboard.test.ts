import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { openCore, type OpenedCore } from '../../electron/core/services'
import { startWebBridge, type WebBridge } from '../../electron/web/server'
import { ensureRendererBuilt, launchChromium } from '../helpers/browser'
import { tempDir } from '../helpers/temp'

/**
 * A team lead's morning, through the web bridge in Debian's Chromium: the 看板 renders the store's figures,
 * and a click on the M3 bar of the aging chart opens the case list filtered to M3 (61–90 days past due).
 */
let core: OpenedCore
let bridge: WebBridge
let browser: Browser
let page: Page
let m3: number

beforeAll(async () => {
  const rendererDir = ensureRendererBuilt()
  core = await openCore({ dataDir: tempDir(), resourcesDir: 'resources', version: 'e2e', actor: '张律师' })
  await core.services.seed(300, 5)
  const d = await core.dispatch('reports.dashboard', {})
  if (!d.ok) throw new Error(d.error.message)
  m3 = (d.data as { aging: { M3: { count: number } } }).aging.M3.count
  bridge = await startWebBridge(core, { rendererDir })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await core?.close()
})

it('renders the dashboard and a click on the M3 bar opens the list filtered to M3', async () => {
  expect(m3).toBeGreaterThan(0)
  // Whether the shell ever showed its page-loading placeholder (a page's chunk not there yet).
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __pageLoadingSeen: boolean; MutationObserver: new (cb: () => void) => { observe(n: unknown, o: object): void }; document: { querySelector(s: string): unknown } }
    w.__pageLoadingSeen = false
    new w.MutationObserver(() => {
      if (w.document.querySelector('[data-testid="page-loading"]')) w.__pageLoadingSeen = true
    }).observe(w.document, { childList: true, subtree: true }) // the document: its root element does not exist yet
  })
  await page.goto(bridge.url + '#/dashboard')
  const chart = page.getByTestId('chart-aging')
  await expect.poll(() => chart.getAttribute('data-ready'), { timeout: 20_000 }).toBe('1')
  // The window opened on the dashboard: its chunk was loaded before the first render (renderer/src/pages.ts).
  expect(await page.evaluate<boolean>('window.__pageLoadingSeen')).toBe(false)
  await expect.poll(() => page.getByTestId('dashboard').textContent()).toContain('逾期账龄')
  for (const b of ['M1', 'M2', 'M3', 'M4-M6', 'M6+']) expect(await chart.textContent()).toContain(b)

  // Where ECharts drew the middle of the M3 count bar, in page pixels; then a real mouse click there.
  const point = await chart.evaluate((el, value) => {
    const c = (el as unknown as { __chart: { convertToPixel(f: object, v: [string, number]): [number, number] } }).__chart
    const [x, y] = c.convertToPixel({ seriesIndex: 0 }, ['M3', value / 2])
    const box = el.getBoundingClientRect()
    // The count bar is the left one of the two in the M3 slot; nudge left of the slot centre onto it.
    return { x: box.left + x - 8, y: box.top + y }
  }, m3)
  await page.mouse.click(point.x, point.y)

  await expect.poll(() => page.evaluate<string>('window.location.hash')).toBe('#/cases?dpdBucket=M3')
  // The case list was not preloaded: its chunk loads when it is first shown, behind the placeholder.
  await expect.poll(() => page.evaluate<boolean>('window.__pageLoadingSeen')).toBe(true)
  await expect.poll(() => page.getByTestId('case-total').textContent(), { timeout: 20_000 }).toBe(`共 ${m3} 件`)
  expect(await page.getByTestId('filter-dpd').textContent()).toBe('M3')
  // Named, not counted: the list's columns move (a selection column came first for bulk actions).
  const dpds = await page.getByTestId('case-dpd').evaluateAll((cells) => cells.map((c) => Number(c.textContent)))
  expect(dpds.length).toBe(Math.min(m3, dpds.length))
  expect(dpds.length).toBeGreaterThan(0)
  for (const d of dpds) expect(d >= 61 && d <= 90).toBe(true)
}, 120_000)
