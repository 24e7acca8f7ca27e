import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { fenToYuan as formatFen } from '../../shared/domain/money'
import { idCheckChar } from '../../electron/core/law/id-number'
import { openCore, type OpenedCore } from '../../electron/core/services'
import { startWebBridge, type WebBridge } from '../../electron/web/server'
import { ensureRendererBuilt, launchChromium } from '../helpers/browser'
import { tempDir } from '../helpers/temp'

/**
 * The collection panel on a case page, as a lawyer uses it in Chromium through the bridge: a call logged at
 * 21:30 is refused by the conduct guard with its reason and nothing is saved; then a repayment plan is built
 * and its 还款协议 opened for printing. Finally the 今日 page lists the case.
 */
let core: OpenedCore
let bridge: WebBridge
let browser: Browser
let context: BrowserContext
let page: Page
let caseId: string
const chinaDate = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)

async function call<T = any>(channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.data as T
}

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir(), resourcesDir: 'resources', version: 'e2e', actor: '李律师' })
  const lender = await call('lenders.create', { name: '杭州信达小额贷款有限公司', creditCode: '91330100799655058B', regime: 'licensed' })
  const body = '33010619880312002'
  const b = await call('borrowers.create', { name: '李秀英', idNumber: body + idCheckChar(body), phones: [{ phone: '13800138000' }] })
  const loan = await call('loans.create', {
    lenderId: lender.id, borrowerId: b.id, contractNo: 'XD-2025-001', contractDate: '2025-03-01', contractAmountFen: 1_200_000, disbursedAmountFen: 1_080_000,
    disbursementDate: '2025-03-01', repaymentMethod: 'equal_principal', rateTerm: '0.18', rateOverdue: '0.24',
    schedule: [1, 2, 3].map((m) => ({ dueDate: `2025-0${3 + m}-01`, principalFen: 400_000 })),
  })
  caseId = (await call('cases.create', { borrowerId: b.id, lenderId: lender.id, loanIds: [loan.id] })).id
  bridge = await startWebBridge(core, { rendererDir: ensureRendererBuilt() })
  browser = await launchChromium()
  context = await browser.newContext()
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await core?.close()
})

it('a call logged at 21:30 is blocked with the rule and nothing is saved; with a reason it is saved', async () => {
  await page.goto(bridge.url + `#/cases/${caseId}`)
  await page.getByTestId('action-at').fill(`${chinaDate(-1)}T21:30`)
  await page.getByTestId('action-note').fill('本人未接')
  await page.getByTestId('action-save').click()
  await expect.poll(() => page.getByTestId('action-error').count()).toBe(1)
  const error = await page.getByTestId('action-error').textContent()
  expect(error).toContain('CONTACT_OUTSIDE_HOURS')
  expect(error).toContain('21:30')
  expect(error).toContain('08:00–21:00')
  expect(await call('actions.list', { id: caseId })).toEqual([])

  await page.getByTestId('action-override').fill('借款人白天上班，约定晚间回电')
  await page.getByTestId('action-save').click()
  await expect.poll(async () => (await call('actions.list', { id: caseId })).length).toBe(1)
  expect((await call('actions.list', { id: caseId }))[0].overrideReason).toBe('借款人白天上班，约定晚间回电')
})

it('builds a repayment plan and opens its 还款协议 for printing', async () => {
  await page.getByRole('tab', { name: '还款计划' }).click()
  await page.getByTestId('plan-reduction').fill('100')
  await page.getByTestId('plan-first').fill(chinaDate(10))
  await page.getByTestId('plan-propose').click()
  await expect.poll(() => page.getByTestId('plan-total').count()).toBe(1)
  const [plan] = await call('plans.list', { id: caseId })
  expect(plan.instalments).toHaveLength(3)
  expect(plan.instalments.reduce((s: number, i: { amountFen: number }) => s + i.amountFen, 0)).toBe(plan.totalFen)
  expect(plan.totalFen).toBe(plan.supportableFen - 10_000)
  expect(await page.getByTestId('plan-status').textContent()).toBe('待签署')

  const popup = context.waitForEvent('page')
  await page.getByTestId('plan-agreement').click()
  const opened = await popup
  expect(opened.url()).toMatch(/^blob:/)
  const download = page.waitForEvent('download')
  await page.getByTestId('plan-download').click()
  const file = await (await download).path()
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\s,]+/g, '')
  expect(text).toContain('还款协议')
  expect(text).toContain('李秀英')
  expect(text).toContain(formatFen(plan.totalFen))
  expect(await page.getByTestId('plan-download').getAttribute('download')).toMatch(/^还款协议-.*\.pdf$/)
})

it('the 今日 page lists the case with its score and reasons', async () => {
  await page.goto(bridge.url + '#/today')
  await expect.poll(() => page.getByTestId('queue-score').count()).toBeGreaterThan(0)
  expect(await page.getByTestId('queue-table').textContent()).toContain('李秀英')
  expect(await page.getByRole('menuitem').first().textContent()).toBe('今日')
})
