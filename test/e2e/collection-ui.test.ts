import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startTestApp, type TestApp } from '../helpers/app'
import { createLiXiuyingCase } from '../helpers/fixtures'

/**
 * Issue 8's remaining screens in Chromium through the bridge: litigation records and court events on the case
 * page (a wrong 案号 refused with its message; judgment + service → the appeal deadline), bulk stage change and
 * assignment on the case list (refusals listed by case number, the rest go through), and the conduct rules and
 * reduction limits on the settings page (a wrong value named in the message and nothing stored).
 */
let app: TestApp
let page: Page
let ids: Awaited<ReturnType<typeof createLiXiuyingCase>>
let others: string[] = []
const chinaDate = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
const call: TestApp['call'] = (channel, input) => app.call(channel, input)

beforeAll(async () => {
  app = await startTestApp({
    actor: '李律师',
    setup: async (c) => {
      ids = await createLiXiuyingCase(c)
      for (const n of [2, 3]) {
        const loan = await c('loans.create', {
          lenderId: ids.lenderId, borrowerId: ids.borrowerId, contractNo: `XD-2025-00${n}`, contractDate: '2025-03-02', contractAmountFen: 100_000, disbursedAmountFen: 100_000,
          disbursementDate: '2025-03-02', repaymentMethod: 'bullet', schedule: [{ dueDate: '2025-09-02', principalFen: 100_000 }],
        })
        others.push((await c('cases.create', { borrowerId: ids.borrowerId, lenderId: ids.lenderId, loanIds: [loan.id] })).id)
      }
      // One case already in court: it may not go back to 催收, so the bulk change refuses it.
      await c('stages.change', { caseId: others[1], to: 'litigation', court: '杭州市西湖区人民法院', filingDate: chinaDate(-20) })
    },
  })
  page = app.page
})

afterAll(() => app?.close())

const WAIT = { timeout: 10_000 }
const pickOption = async (testId: string, label: string) => {
  await page.getByTestId(testId).first().click()
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click()
}

it('records procedure, court, 案号 and court events on the case page; judgment + service give the appeal deadline', async () => {
  await page.goto(app.url + `#/cases/${ids.caseId}`)
  await page.getByRole('tab', { name: '诉讼与执行' }).click()
  await pickOption('lit-procedure', '简易程序')
  await page.getByTestId('lit-court').fill('杭州市西湖区人民法院')
  await page.getByTestId('lit-case-number').fill('浙0106民初1234号')
  await page.getByTestId('lit-filing-date').fill(chinaDate(-40))
  await page.getByTestId('lit-save').click()
  await expect.poll(() => page.getByTestId('lit-error').count(), WAIT).toBe(1)
  expect(await page.getByTestId('lit-error').textContent()).toContain('案号')
  expect((await call('litigation.get', { id: ids.caseId })).caseNumber).toBeNull()

  await page.getByTestId('lit-case-number').fill('(2026)浙0106民初1234号')
  await page.getByTestId('lit-save').click()
  await expect.poll(async () => (await call('litigation.get', { id: ids.caseId })).caseNumber).toBe('（2026）浙0106民初1234号')
  const rec = await call('litigation.get', { id: ids.caseId })
  expect(rec).toMatchObject({ procedure: 'simplified', court: '杭州市西湖区人民法院', filingDate: chinaDate(-40) })
  await expect.poll(() => page.getByTestId('lit-fee').textContent(), WAIT).toBe(rec.fees.halfFee)

  await pickOption('ev-kind', '判决')
  await page.getByTestId('ev-date').fill(chinaDate(-10))
  await page.getByTestId('ev-amount').fill('12000.5')
  await page.getByTestId('ev-add').click()
  await expect.poll(async () => (await call('litigation.get', { id: ids.caseId })).events.length).toBe(1)
  await pickOption('ev-kind', '送达')
  await page.getByTestId('ev-date').fill(chinaDate(-5))
  await page.getByTestId('ev-add').click()
  await expect.poll(async () => (await call('litigation.get', { id: ids.caseId })).events.map((e: { kind: string }) => e.kind), WAIT).toEqual(['judgment', 'served'])
  expect((await call('litigation.get', { id: ids.caseId })).events[0].amountFen).toBe(1_200_050)
  const appeal = await call('deadlines.compute', { kind: 'appeal-judgment', from: chinaDate(-5) })
  await expect.poll(() => page.getByTestId('lit-deadlines').textContent(), WAIT).toContain(`判决上诉期${appeal.due}`)
  expect(await page.getByTestId('lit-events').textContent()).toContain('12,000.50')

  // A future judgment is refused with its message; nothing is added.
  await pickOption('ev-kind', '判决')
  await page.getByTestId('ev-date').fill(chinaDate(3))
  await page.getByTestId('ev-add').click()
  await expect.poll(() => page.getByTestId('ev-error').count(), WAIT).toBe(1)
  expect(await page.getByTestId('ev-error').textContent()).toContain('晚于今天')
  expect((await call('litigation.get', { id: ids.caseId })).events).toHaveLength(2)
})

it('bulk stage change on the case list moves what it may and lists each refusal; bulk assignment gives all an owner', async () => {
  await page.goto(app.url + '#/cases')
  await expect.poll(() => page.getByTestId('case-row').count(), { timeout: 20_000 }).toBe(3)
  await page.locator('.ant-table-thead .ant-table-selection-column input[type=checkbox]').check()
  await expect.poll(() => page.getByTestId('bulk-count').textContent(), WAIT).toBe('已选 3 件')
  await pickOption('bulk-stage-to', '催收')
  await page.getByTestId('bulk-stage-apply').click()
  await expect.poll(() => page.getByTestId('bulk-result').count(), WAIT).toBe(1)
  const result = await page.getByTestId('bulk-result').textContent()
  expect(result).toContain('2 件已处理')
  expect(result).toContain('1 件未处理')
  const refusedNo = (await call('cases.get', { id: others[1] })).caseNo
  expect(await page.getByTestId('bulk-failure').textContent()).toContain(refusedNo)
  const stages = await Promise.all([ids.caseId, ...others].map(async (id) => (await call('cases.get', { id })).stage))
  expect(stages).toEqual(['collection', 'collection', 'litigation'])

  await page.locator('.ant-table-thead .ant-table-selection-column input[type=checkbox]').check()
  await page.getByTestId('bulk-owner').fill('王律师')
  await page.getByTestId('bulk-assign-apply').click()
  await expect.poll(() => page.getByTestId('bulk-result').textContent(), WAIT).toContain('3 件已处理')
  const owners = await Promise.all([ids.caseId, ...others].map(async (id) => (await call('cases.get', { id })).owner))
  expect(owners).toEqual(['王律师', '王律师', '王律师'])
})

it('edits the conduct rules and a lender’s reduction limit on the settings page; wrong values are named and not stored', async () => {
  await page.goto(app.url + '#/settings')
  await expect.poll(() => page.getByTestId('rules-source').textContent(), { timeout: 20_000 }).toBe('默认值')
  await page.getByTestId('rules-start').fill('22:00')
  await page.getByTestId('rules-save').click()
  await expect.poll(() => page.getByTestId('rules-notice').textContent(), WAIT).toContain('开始时间须早于结束时间')
  expect((await call('conduct.rules', {})).edited).toBe(false)

  await page.getByTestId('rules-start').fill('08:30')
  await page.getByTestId('rules-end').fill('20:00')
  await page.getByTestId('rules-week-phone').fill('6')
  await page.getByTestId('rules-save').click()
  await expect.poll(() => page.getByTestId('rules-source').textContent(), WAIT).toBe('已按本所修改')
  const { rules } = await call('conduct.rules', {})
  expect(rules.contactHours).toMatchObject({ start: '08:30', end: '20:00' })
  expect(rules.frequency.caps.phone).toEqual({ perDay: 3, perWeek: 6 })
  const at = `${chinaDate(-1)}T20:15:00+08:00`
  const check = await call('actions.check', { caseId: ids.caseId, channel: 'phone', target: 'borrower', at, outcome: 'answered' })
  expect(check.map((v: { code: string }) => v.code)).toEqual(['CONTACT_OUTSIDE_HOURS'])

  await page.getByTestId('limit-input').fill('150')
  await page.getByTestId('limit-save').click()
  await expect.poll(() => page.getByTestId('limits-notice').count(), WAIT).toBe(1)
  expect(await page.locator('[data-testid=limits-notice].ant-alert-error').count()).toBe(1)
  expect((await call('plans.reductionLimits', {}))[0]).toMatchObject({ maxPercent: 30, isDefault: true })
  await page.getByTestId('limit-input').fill('12')
  await page.getByTestId('limit-save').click()
  await expect.poll(async () => (await call('plans.reductionLimits', {}))[0].maxPercent).toBe(12)

  await page.getByTestId('rules-reset').click()
  await expect.poll(() => page.getByTestId('rules-source').textContent(), WAIT).toBe('默认值')
})
