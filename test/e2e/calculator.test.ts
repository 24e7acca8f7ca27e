import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startTestApp, type TestApp } from '../helpers/app'
import { createLiXiuyingCase } from '../helpers/fixtures'

/**
 * The claim calculator in Chromium through the bridge. On a case page: pick a date, calculate, read the
 * supportable figures beside the contract's, the cap in words, the court fees, a line's legal basis on hover,
 * and copy the text. On its own page (nav 计算器): the same for terms typed in, with the form's own checks.
 */
let app: TestApp
let page: Page
let caseId: string
let loanId: string

beforeAll(async () => {
  app = await startTestApp({ actor: '李律师', permissions: ['clipboard-read', 'clipboard-write'], setup: async (call) => void ({ caseId, loanId } = await createLiXiuyingCase(call)) })
  page = app.page
})

afterAll(() => app?.close())

it('calculates the supportable claim on a chosen date and explains it', async () => {
  await page.goto(`${app.url}#/cases/${caseId}`)
  await page.getByTestId('calc-as-of').fill('2025-07-01')
  await page.getByTestId('calc-run').click()
  // Hand-worked in test/ipc/channels.test.ts: 10,800 principal + 331.20 term + 436.80 overdue interest.
  await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe('11568.00')
  expect(await page.getByTestId('calc-principalOutstanding').textContent()).toBe('10800.00')
  const summary = await page.getByTestId('calc-summary').textContent()
  expect(summary).toContain('12853.33') // by the contract's own terms
  expect(await page.getByTestId('calc-cap').textContent()).toContain('24%')
  // The fees of suing for 11,568.00 (worked out in the stand-alone test below).
  await expect.poll(() => page.getByTestId('calc-fee-full').textContent()).toBe('89.20')

  await page.getByTestId('calc-line-kind').filter({ hasText: '逾期利息' }).first().hover()
  await expect.poll(() => page.locator('.ant-tooltip').filter({ hasText: '逾期' }).count()).toBeGreaterThan(0)

  await page.getByTestId('calc-copy').click()
  const text = await page.evaluate<string>('navigator.clipboard.readText()')
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

it('opens the stored loan in the calculator page to try a what-if, leaving the store alone', async () => {
  await page.goto(`${app.url}#/cases/${caseId}`)
  await page.getByTestId('calc-as-of').fill('2025-07-01')
  await page.getByTestId('calc-run').click()
  await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe('11568.00')
  await page.getByTestId('calc-open-calculator').click()
  await expect.poll(() => page.getByTestId('calculator-page').count()).toBe(1)
  expect(await page.getByTestId('calc-contractAmount').inputValue()).toBe('12000.00')
  expect(await page.getByTestId('calc-disbursedAmount').inputValue()).toBe('10800.00')
  expect(await page.getByTestId('calc-rateTerm').inputValue()).toBe('18')
  expect(await page.getByTestId('calc-rateOverdue').inputValue()).toBe('24')
  expect(await page.getByTestId('calc-asOf').inputValue()).toBe('2025-07-01')
  expect(await page.getByTestId('calc-schedule-2-dueDate').inputValue()).toBe('2025-06-01')
  await page.getByTestId('calc-run').click()
  await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe('11568.00')

  // What if the borrower had paid 1,000 on 2025-06-15? The page shows what the engine gives for that input.
  await page.getByTestId('calc-payments-add').click()
  await page.getByTestId('calc-payments-0-date').fill('2025-06-15')
  await page.getByTestId('calc-payments-0-amount').fill('1000')
  await page.getByTestId('calc-run').click()
  const stored = await app.call('calc.claim', { loanId, asOf: '2025-07-01' })
  const whatIf = await app.call('calc.claim', { input: { ...stored.input, payments: [{ date: '2025-06-15', amount: '1000' }] } })
  expect(Number(whatIf.result.total)).toBeLessThan(11568)
  await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe(whatIf.result.total)
  // The stored loan is untouched: still no repayment, still 11,568.00.
  expect(stored.input.payments).toEqual([])
  expect(stored.result.total).toBe('11568.00')
})

describe('the stand-alone calculator (nav 计算器), for a loan not in the store', () => {
  /** Type into the calculator's fields, by the test id's suffix (`contractDate` → `calc-contractDate`). */
  async function type(fields: Record<string, string>) {
    for (const [id, text] of Object.entries(fields)) await page.getByTestId(`calc-${id}`).fill(text)
  }

  it('computes the claim from typed terms and a generated plan, with the court fees, and copies it', async () => {
    await page.goto(`${app.url}#/calculator`)
    await page.getByTestId('calc-clear').click()
    // The case page's loan, typed the way people write it: percents, "¥12,000", "10,800元".
    await type({ contractDate: '2025-03-01', disbursementDate: '2025-03-01', asOf: '2025-07-01', contractAmount: '¥12,000', disbursedAmount: '10,800元', rateTerm: '18', rateOverdue: '24%' })
    await type({ 'plan-first': '2025-04-01', 'plan-count': '3' })
    await page.getByTestId('calc-plan-generate').click()
    expect(await page.getByTestId('calc-schedule-2-dueDate').inputValue()).toBe('2025-06-01')
    expect(await page.getByTestId('calc-schedule-2-principal').inputValue()).toBe('4000.00')
    await page.getByTestId('calc-run').click()
    // The same figures as the stored loan on the case page (hand-worked above).
    await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe('11568.00')
    expect(await page.getByTestId('calc-termInterest').textContent()).toBe('331.20')
    expect(await page.getByTestId('calc-overdueInterest').textContent()).toBe('436.80')
    // 诉讼费用交纳办法 第13条(一): 50 + (11,568 − 10,000) × 2.5% = 89.20; half 44.60; a third 29.73 (29.7333…);
    // 第14条(二) preservation: 30 + (11,568 − 1,000) × 1% = 135.68.
    await expect.poll(() => page.getByTestId('calc-fee-full').textContent()).toBe('89.20')
    expect(await page.getByTestId('calc-fee-half').textContent()).toBe('44.60')
    expect(await page.getByTestId('calc-fee-payment-order').textContent()).toBe('29.73')
    expect(await page.getByTestId('calc-fee-preservation').textContent()).toBe('135.68')
    expect(await page.getByTestId('calc-fees').textContent()).toContain('取整 89 元')

    await page.getByTestId('calc-copy').click()
    const text = await page.evaluate<string>('navigator.clipboard.readText()')
    expect(text).toContain('计算器（未入库借款），计算至 2025-07-01（不含当日）')
    expect(text).toContain('合计：11568.00 元（按合同约定 12853.33 元）')
  })

  it('keeps the form when the lawyer leaves and comes back', async () => {
    await page.goto(`${app.url}#/dashboard`)
    await page.goto(`${app.url}#/calculator`)
    await page.reload()
    expect(await page.getByTestId('calc-disbursedAmount').inputValue()).toBe('10,800元')
    expect(await page.getByTestId('calc-schedule-1-principal').inputValue()).toBe('4000.00')
  })

  it('names the field at fault: blanks and a rate it cannot read, then a repayment after the date', async () => {
    await page.getByTestId('calc-rateTerm').fill('十八')
    await page.getByTestId('calc-contractDate').fill('')
    await page.getByTestId('calc-run').click()
    await expect.poll(() => page.getByTestId('calc-error').textContent()).toBe('请先补全或更正标红的栏目')
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual(['必填', '请填写百分数，如 24 或 15.4'])
    expect(await page.getByTestId('calc-total').count()).toBe(0)

    await page.getByTestId('calc-rateTerm').fill('18')
    await page.getByTestId('calc-contractDate').fill('2025-03-01')
    await page.getByTestId('calc-payments-add').click()
    await page.getByTestId('calc-payments-add').click()
    await page.getByTestId('calc-payments-1-date').fill('2025-08-01')
    await page.getByTestId('calc-payments-1-amount').fill('100')
    await page.getByTestId('calc-run').click()
    await expect.poll(() => page.getByTestId('calc-error').textContent()).toContain('晚于计算截止日 2025-07-01')
    // The message sits under the form's second payment row (the blank first row is not sent).
    const row = page.getByTestId('calc-payments-1-date').locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-form-item ")][1]')
    expect(await row.locator('.ant-form-item-explain-error').textContent()).toContain('晚于计算截止日')

    await page.getByTestId('calc-payments-1-date').fill('2025-06-15')
    await page.getByTestId('calc-run').click()
    await expect.poll(() => page.getByTestId('calc-total').count()).toBe(1)
    expect(await page.getByTestId('calc-error').count()).toBe(0)
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBe(0)
  })

  it('shows no court fees when nothing is owed', async () => {
    await page.getByTestId('calc-clear').click()
    await type({ contractDate: '2025-01-01', disbursementDate: '2025-01-01', asOf: '2025-03-01', contractAmount: '1000', disbursedAmount: '1000', 'schedule-0-dueDate': '2025-02-01', 'schedule-0-principal': '1000' })
    await page.getByTestId('calc-payments-add').click()
    await type({ 'payments-0-date': '2025-02-01', 'payments-0-amount': '1000' })
    await page.getByTestId('calc-run').click()
    await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe('0.00')
    expect(await page.getByTestId('calc-fees').count()).toBe(0)
    expect(await page.getByTestId('calc-fees-error').count()).toBe(0)
  })
})
