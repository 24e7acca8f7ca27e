import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { fenToYuan as formatFen } from '../../shared/domain/money'
import { startTestApp, type TestApp } from '../helpers/app'
import { createLiXiuyingCase } from '../helpers/fixtures'

/**
 * The collection panel on a case page, as a lawyer uses it in Chromium through the bridge: a call logged at
 * 21:30 is refused by the conduct guard with its reason and nothing is saved; then a repayment plan is built
 * and its 还款协议 opened for printing. Finally the 今日 page lists the case.
 */
let app: TestApp
let context: BrowserContext
let page: Page
let caseId: string
const chinaDate = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
const call: TestApp['call'] = (channel, input) => app.call(channel, input)

beforeAll(async () => {
  app = await startTestApp({ actor: '李律师', setup: async (c) => void ({ caseId } = await createLiXiuyingCase(c)) })
  ;({ context, page } = app)
})

afterAll(() => app?.close())

it('a call logged at 21:30 is blocked with the rule and nothing is saved; with a reason it is saved', async () => {
  await page.goto(app.url + `#/cases/${caseId}`)
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
  await page.goto(app.url + '#/today')
  await expect.poll(() => page.getByTestId('queue-score').count(), { timeout: 20_000 }).toBeGreaterThan(0)
  expect(await page.getByTestId('queue-table').textContent()).toContain('李秀英')
  expect(await page.getByRole('menuitem').first().textContent()).toBe('今日')
})
