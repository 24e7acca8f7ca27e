import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { openCore, type OpenedCore } from '../../electron/core/services'
import { startWebBridge, type WebBridge } from '../../electron/web/server'
import { ensureRendererBuilt, launchChromium } from '../helpers/browser'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { makeEncryptedPdf, makePdf, makePng } from '../helpers/evidence-files'
import { tempDir } from '../helpers/temp'

/**
 * A lawyer on a case in litigation, in Debian's Chromium through the web bridge: sees what evidence is
 * missing, adds two files through the file picker and sees both drawn as thumbnails (the PDF's first page by
 * pdf.js), groups the second under the first, builds the bundle as a job with a progress bar, the bundle on
 * disk holds both exhibits at the page ranges the screen shows, and the 证据 page's check passes it. A PDF that
 * cannot be drawn keeps its icon, with the reason in the user's language as its tooltip.
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
  // pdf.js must work under the window's CSP (no eval: the browser would log a refusal) in its own worker.
  const complaints: string[] = []
  page.on('console', (m) => { if (/Content Security Policy|eval/i.test(m.text())) complaints.push(m.text()) })
  await page.goto(bridge.url + `#/cases/${caseId}`)
  const panel = page.getByTestId('evidence-panel')
  await expect.poll(() => panel.getByTestId('ev-gaps').textContent(), { timeout: 30_000 }).toContain('诉讼阶段缺少借款合同')

  await panel.getByTestId('ev-purpose').fill('证明借贷关系及放款事实')
  await panel.getByTestId('ev-file').setInputFiles(files)
  await expect.poll(() => panel.getByTestId('ev-added').textContent(), { timeout: 30_000 }).toBe('已添加 2 项')
  await expect.poll(() => panel.getByTestId('ev-label').allTextContents()).toEqual(['1', '2'])
  expect(await panel.getByTestId('ev-row-name').allTextContents()).toEqual(['借款合同', '放款回单'])
  // The PDF shows its first page, drawn by pdf.js (A4 at 160 px high); the image is its own thumbnail (200×300 scaled into 40 px).
  await expect.poll(() => panel.getByTestId('ev-thumb').count(), { timeout: 60_000 }).toBe(2)
  expect(await panel.getByTestId('ev-icon').count()).toBe(0)
  const thumbs = panel.getByTestId('ev-thumb')
  expect(await thumbs.nth(1).evaluate((img: any) => [img.alt, img.complete && img.naturalWidth, img.naturalHeight, img.getBoundingClientRect().height])).toEqual(['放款回单', 200, 300, 40])
  // The page's pixels: white paper with the dark line of text "CONTRACT page 1 of 3" on it — drawn, not blank.
  const drawn = await thumbs.nth(0).evaluate(async (img: any) => {
    await img.decode()
    const c = (globalThis as any).document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const g = c.getContext('2d')
    g.drawImage(img, 0, 0)
    const px = g.getImageData(0, 0, c.width, c.height).data
    let white = 0
    let dark = 0
    for (let i = 0; i < px.length; i += 4) {
      const lum = (px[i] + px[i + 1] + px[i + 2]) / 3
      if (lum > 245) white++
      else if (lum < 160) dark++
    }
    return { alt: img.alt, width: img.naturalWidth, height: img.naturalHeight, white: white / (px.length / 4), dark, state: img.dataset.state }
  })
  expect(drawn).toMatchObject({ alt: '借款合同', width: 113, height: 160, state: 'drawn' })
  expect(drawn.white).toBeGreaterThan(0.9)
  expect(drawn.dark).toBeGreaterThan(20)
  expect(complaints).toEqual([])
  expect(page.workers().map((w) => w.url()).filter((u) => u.includes('pdf.worker'))).toHaveLength(1)
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

  // The same ZIP checked as a received bundle on the 证据 page: uploaded in slices, then verified.
  await page.goto(bridge.url + '#/evidence')
  await page.getByRole('tab', { name: '校验证据包' }).click()
  await page.getByTestId('ev-verify-file').setInputFiles(bundle.zip)
  await expect.poll(() => page.getByTestId('ev-verify-result').textContent(), { timeout: 30_000 }).toBe('证据包完好：已核对 4 个文件')
}, 180_000)

it('keeps the file-kind icon, with the reason as its tooltip, for a stored PDF that cannot be drawn', async () => {
  const other = (await makeEvidenceCase(core, 2)).caseId
  const { added: [item] } = await core.services.evidence.add({ caseId: other, kind: 'contract', name: '加密合同' }, [{ fileName: 'locked.pdf', bytes: await makePdf(2, 'LOCKED') }])
  writeFileSync(core.ctx.files.pathOf(item.sha256), await makeEncryptedPdf()) // damaged in the store after intake
  await page.goto(bridge.url + `#/cases/${other}`)
  const icon = page.getByTestId('evidence-panel').getByTestId('ev-icon')
  await expect.poll(() => icon.getAttribute('data-state'), { timeout: 30_000 }).toBe('failed')
  expect(await icon.getAttribute('title')).toBe('证据1“加密合同”无法生成缩略图：PDF 已加密（有密码或权限限制）')
  await page.getByTestId('lang-switch').click()
  await expect.poll(() => icon.getAttribute('title')).toBe('No thumbnail for Exhibit 1 "加密合同": the PDF is encrypted (password or permissions)')
  await page.getByTestId('lang-switch').click()
}, 60_000)
