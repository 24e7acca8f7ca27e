import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { openCore, type OpenedCore } from '../../electron/core/services'
import { startWebBridge, type WebBridge } from '../../electron/web/server'
import { ensureRendererBuilt, launchChromium } from '../helpers/browser'
import { tempDir } from '../helpers/temp'
import { csvCells, csvText, HEADERS, logicalRows } from '../unit/import/fixtures'

/**
 * The 导入 wizard as a lawyer uses it, in Debian's Chromium through the web bridge: a GBK CSV without a lender
 * column, one bad row → preview shows GB18030 → mapping as proposed, the lender typed in → dry run shows the
 * error summary and stores nothing → import → report with the counts and links to the new cases → a link opens
 * the case. (Each job starts a worker that compiles the core: seconds on a loaded machine.)
 */
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

let core: OpenedCore
let bridge: WebBridge
let browser: Browser
let page: Page
const rows = logicalRows(40)
const file = join(tempDir(), '逾期名单.csv')

beforeAll(async () => {
  const headers = HEADERS.filter((h) => h !== '出借人')
  const cells = rows.map(csvCells).map((c) => c.filter((_, i) => HEADERS[i] !== '出借人'))
  cells[6][1] = '110105194912310021' // wrong check digit
  writeFileSync(file, iconv.encode(csvText(headers, cells), 'gbk'))
  const rendererDir = ensureRendererBuilt()
  core = await openCore({ dataDir: tempDir(), resourcesDir: 'resources', version: 'e2e', actor: '张律师' })
  bridge = await startWebBridge(core, { rendererDir })
  browser = await launchChromium()
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await core?.close()
})

const count = (t: string) => core.db.raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number

it('imports a GBK file through the wizard: preview, mapping, lender, dry run, import, report, case link', async () => {
  await page.goto(bridge.url)
  await page.getByRole('menuitem', { name: '导入' }).click()
  await page.getByTestId('imp-file').setInputFiles(file)

  await expect.poll(() => page.getByTestId('imp-detected').textContent(), { timeout: 60_000 }).toContain('gb18030')
  expect(await page.getByTestId('imp-preview').textContent()).toContain(rows[0].name)
  // The proposed mapping found the Chinese headers.
  expect(await page.getByTestId('imp-map-borrowerName').textContent()).toContain('借款人姓名')
  await page.getByTestId('imp-lender').fill('某某小额贷款有限公司')

  await page.getByTestId('imp-dry-run').click()
  const dry = page.getByTestId('imp-dry-report')
  await expect.poll(() => dry.count(), { timeout: 240_000 }).toBe(1)
  expect(await page.getByTestId('imp-count-imported').textContent()).toBe('39')
  expect(await page.getByTestId('imp-count-rejected').textContent()).toBe('1')
  expect(await page.getByTestId('imp-summary').textContent()).toContain('身份证号')
  expect(count('loans')).toBe(0)

  await page.getByTestId('imp-start').click()
  const report = page.getByTestId('imp-report')
  await expect.poll(() => report.count(), { timeout: 240_000 }).toBe(1)
  expect(await page.getByTestId('imp-count-imported').textContent()).toBe('39')
  expect(await page.getByTestId('imp-errors').textContent()).toContain('8') // the bad row as Excel numbers it
  expect(count('cases')).toBe(39)
  expect(core.db.raw.prepare('SELECT name FROM lenders').pluck().all()).toEqual(['某某小额贷款有限公司'])

  const links = page.getByTestId('imp-new-cases').getByRole('link')
  expect(await links.count()).toBe(39)
  const caseNo = (await links.first().textContent())!
  await links.first().click()
  await expect.poll(() => page.locator('body').textContent()).toContain(caseNo)
  expect(page.url()).toMatch(/#\/cases\/[0-9A-Z]{26}$/)
})
