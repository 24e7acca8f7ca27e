import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { idCheckChar } from '../../electron/core/law/id-number'
import { openCore, type OpenedCore } from '../../electron/core/services'
import { startWebBridge, type WebBridge } from '../../electron/web/server'
import { ensureRendererBuilt, launchChromium } from '../helpers/browser'
import { tempDir } from '../helpers/temp'

/**
 * The calculator panel on a case page, in Chromium through the bridge: pick a date, calculate, read the
 * supportable figures beside the contract's, the cap in words, a line's legal basis on hover, and copy the text.
 */
let core: OpenedCore
let bridge: WebBridge
let browser: Browser
let context: BrowserContext
let page: Page
let caseId: string

async function call<T = any>(channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.data as T
}

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir(), resourcesDir: 'resources', version: 'e2e', actor: '李律师' })
  const lender = await call('lenders.create', { name: '杭州信达小额贷款有限公司', creditCode: '91330100799655058B', regime: 'licensed' })
  const body = '33010619880312002'
  const b = await call('borrowers.create', { name: '李秀英', idNumber: body + idCheckChar(body) })
  const loan = await call('loans.create', {
    lenderId: lender.id, borrowerId: b.id, contractNo: 'XD-2025-001', contractDate: '2025-03-01', contractAmountFen: 1_200_000, disbursedAmountFen: 1_080_000,
    disbursementDate: '2025-03-01', repaymentMethod: 'equal_principal', rateTerm: '0.18', rateOverdue: '0.24',
    schedule: [1, 2, 3].map((m) => ({ dueDate: `2025-0${3 + m}-01`, principalFen: 400_000 })),
  })
  caseId = (await call('cases.create', { borrowerId: b.id, lenderId: lender.id, loanIds: [loan.id] })).id
  bridge = await startWebBridge(core, { rendererDir: ensureRendererBuilt() })
  browser = await launchChromium()
  context = await browser.newContext()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${bridge.port}` })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await core?.close()
})

it('calculates the supportable claim on a chosen date and explains it', async () => {
  await page.goto(bridge.url.replace('/?', `/?`) + `#/cases/${caseId}`)
  await page.getByTestId('calc-as-of').fill('2025-07-01')
  await page.getByTestId('calc-run').click()
  // Hand-worked in test/ipc/channels.test.ts: 10,800 principal + 331.20 term + 436.80 overdue interest.
  await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe('11568.00')
  expect(await page.getByTestId('calc-principalOutstanding').textContent()).toBe('10800.00')
  const summary = await page.getByTestId('calc-summary').textContent()
  expect(summary).toContain('12853.33') // by the contract's own terms
  expect(await page.getByTestId('calc-cap').textContent()).toContain('24%')

  await page.getByTestId('calc-line-kind').filter({ hasText: '逾期利息' }).first().hover()
  await expect.poll(() => page.locator('.ant-tooltip').filter({ hasText: '逾期' }).count()).toBeGreaterThan(0)

  await page.getByTestId('calc-copy').click()
  const text = await page.evaluate(() => navigator.clipboard.readText())
  expect(text).toContain('合计：11568.00 元（按合同约定 12853.33 元）')
  expect(text).toContain('2025-04-01 至 2025-05-01（30 天）逾期利息：3600.00 元 × 24% = 72.00 元')
})

it('shows the engine’s message when the date makes no sense, and no figures', async () => {
  await page.getByTestId('calc-as-of').fill('2025-02-01')
  await page.getByTestId('calc-run').click()
  await expect.poll(() => page.getByTestId('calc-error').count()).toBe(1)
  expect(await page.getByTestId('calc-error').textContent()).toMatch(/[\u4e00-\u9fff]/)
  expect(await page.getByTestId('calc-total').count()).toBe(0)
})
