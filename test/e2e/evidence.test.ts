import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { openCore, type OpenedCore } from '../../electron/core/services'
import { startWebBridge, type WebBridge } from '../../electron/web/server'
import { ensureRendererBuilt, launchChromium } from '../helpers/browser'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { makePdf, makePng } from '../helpers/evidence-files'
import { tempDir } from '../helpers/temp'

/**
 * A lawyer on a case in litigation, in Debian's Chromium through the web bridge: sees what evidence is
 * missing, adds two files through the file picker, groups the second under the first, builds the bundle as a
 * job with a progress bar, and the bundle on disk holds both exhibits at the page ranges the screen shows.
 */
let core: OpenedCore
let bridge: WebBridge
let browser: Browser
let page: Page
let caseId: string
let files: string[]

beforeAll(async () => {
  const rendererDir = ensureRendererBuilt()
  core = await openCore({ dataDir: tempDir(), resourcesDir: 'resources', version: 'e2e', actor: '张律师' })
  caseId = (await makeEvidenceCase(core)).caseId
  core.db.raw.prepare("UPDATE cases SET stage = 'litigation' WHERE id = ?").run(caseId)
  const dir = tempDir()
  files = [join(dir, '借款合同.pdf'), join(dir, '放款回单.png')]
  writeFileSync(files[0], await makePdf(3, 'CONTRACT'))
  writeFileSync(files[1], makePng(200, 300))
  bridge = await startWebBridge(core, { rendererDir })
  browser = await launchChromium()
  page = await browser.newPage()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await core?.close()
})

it('adds two files through the UI and builds the bundle', async () => {
  await page.goto(bridge.url + `#/cases/${caseId}`)
  const panel = page.getByTestId('evidence-panel')
  await expect.poll(() => panel.getByTestId('ev-gaps').textContent(), { timeout: 30_000 }).toContain('诉讼阶段缺少借款合同')

  await panel.getByTestId('ev-purpose').fill('证明借贷关系及放款事实')
  await panel.getByTestId('ev-file').setInputFiles(files)
  await expect.poll(() => panel.getByTestId('ev-added').textContent(), { timeout: 30_000 }).toBe('已添加 2 项')
  await expect.poll(() => panel.getByTestId('ev-label').allTextContents()).toEqual(['1', '2'])
  expect(await panel.getByTestId('ev-row-name').allTextContents()).toEqual(['借款合同', '放款回单'])
  // The image shows as its own thumbnail (drawn by the browser: 200×300 scaled into 40 px), the PDF as an icon.
  await expect.poll(() => panel.getByTestId('ev-thumb').count(), { timeout: 30_000 }).toBe(1)
  expect(await panel.getByTestId('ev-thumb').evaluate((img: any) => [img.alt, img.complete && img.naturalWidth, img.naturalHeight, img.getBoundingClientRect().height])).toEqual(['放款回单', 200, 300, 40])
  expect(await panel.getByTestId('ev-icon').count()).toBe(1)
  expect(await panel.getByTestId('ev-gaps').textContent()).not.toContain('缺少借款合同')

  // Group the receipt under the contract: it becomes 1-1.
  await panel.getByRole('button', { name: '归入上一项' }).nth(1).click()
  await expect.poll(() => panel.getByTestId('ev-label').allTextContents()).toEqual(['1', '1-1'])

  await panel.getByTestId('ev-bates').fill('HZ2024')
  await panel.getByTestId('ev-build').click()
  await expect.poll(() => panel.getByTestId('ev-built').textContent(), { timeout: 90_000 }).toMatch(/证据材料已生成：共 \d+ 页/)
  const ranges = await panel.getByTestId('ev-ranges').locator('li').allTextContents()
  const [bundle] = await core.services.evidence.bundles(caseId)
  expect(bundle.exhibits).toBe(2)
  expect(bundle.batesPrefix).toBe('HZ2024')
  const first = 1 + bundle.pages - 4
  expect(ranges).toEqual([`证据1 借款合同：${first}–${first + 2}`, `证据1-1 放款回单：${first + 3}–${first + 3}`])
  expect(core.services.evidence.verifyBundle(bundle.zip)).toMatchObject({ ok: true })
}, 180_000)
