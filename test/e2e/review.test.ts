import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startTestApp, type TestApp } from '../helpers/app'
import { tempDir } from '../helpers/temp'

/**
 * 合同审查 in Chromium through the bridge, as a lawyer uses it: from the case page, upload a contract (.txt through
 * the file input), see its clauses highlighted by severity, click a finding to reach its clause, correct a term and
 * see the correction saved (and the review change), then write the reviewed terms into the loan and find the contract
 * among the case's exhibits.
 */
let app: TestApp
let page: Page
let caseId: string
let loanId: string
const CONTRACT = 'test/fixtures/contracts/01-private-kantou-flawed.txt'

beforeAll(async () => {
  app = await startTestApp({ actor: '李律师', setup: createCase })
  page = app.page
})

afterAll(() => app?.close())

/** A private lender's 10,000 bullet loan at 24 % — the contract under review says otherwise in places. */
async function createCase(call: TestApp['call']) {
  const lender = await call('lenders.create', { name: '深圳市恒通信息咨询有限公司', regime: 'private' })
  const b = await call('borrowers.create', { name: '张三' })
  const loan = await call('loans.create', {
    lenderId: lender.id, borrowerId: b.id, contractNo: 'JK-2024-0318', contractDate: '2024-03-01', contractAmountFen: 1_000_000, disbursedAmountFen: 1_000_000,
    disbursementDate: '2024-03-01', repaymentMethod: 'bullet', rateTerm: '0.24', maturityDate: '2025-02-28',
  })
  loanId = loan.id
  caseId = (await call('cases.create', { borrowerId: b.id, lenderId: lender.id, loanIds: [loan.id] })).id
}

it('uploads a contract from the case page and shows its clauses highlighted beside the findings', async () => {
  await page.goto(app.url + `#/cases/${caseId}`)
  await page.getByTestId('case-review-new').click()
  // Long enough that the text pane scrolls: ordinary articles between the terms and the signing line.
  const lines = readFileSync(CONTRACT, 'utf8').split('\n')
  const filler = Array.from({ length: 60 }, (_, i) => `第${i + 9}条 本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等法律效力。`)
  const file = join(tempDir(), '借款合同.txt')
  writeFileSync(file, [...lines.slice(0, -2), ...filler, ...lines.slice(-2)].join('\n'))
  await page.getByTestId('review-file').setInputFiles(file)
  await page.getByTestId('review-run').click()
  await expect.poll(() => page.getByTestId('finding').count(), { timeout: 15_000 }).toBe(12)
  expect(await page.getByTestId('review-title').textContent()).toContain('借款合同.txt')

  // The 24 % rate clause is highlighted as critical.
  const rateClause = page.locator('[data-testid="clause"][data-codes~="RATE_ABOVE_CAP"]')
  expect(await rateClause.getAttribute('data-severity')).toBe('critical')
  expect(await rateClause.textContent()).toBe('第三条 借款年利率为24%，按月等额本息还款，共12期。')
  const bg = await rateClause.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor)
  expect(bg).toBe('rgb(255, 241, 240)')
  expect(await page.locator('[data-testid="clause"][data-codes~="JURISDICTION_CLAUSE"]').getAttribute('data-severity')).toBe('info')
  expect(await page.getByTestId('review-cost').textContent()).toBe('45.11%')
  expect(await page.getByTestId('cash-flows').locator('tbody tr.ant-table-row').count()).toBe(13)

  // Clicking the last finding brings its clause into view in the scrolling text.
  const last = page.getByTestId('finding').last()
  expect(await last.getAttribute('data-code')).toBe('ELECTRONIC_SIGNATURE')
  await last.click()
  const clause = page.locator('[data-testid="clause"][data-codes~="ELECTRONIC_SIGNATURE"]')
  await expect.poll(() => clause.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const pane = el.closest('pre')!.getBoundingClientRect()
    return box.top >= pane.top && box.bottom <= pane.bottom && el.closest('pre')!.scrollTop > 0
  })).toBe(true)
})

it('corrects a term and sees it saved: the review changes and a reload keeps it', async () => {
  const disbursed = page.getByTestId('term-disbursedAmountFen')
  expect(await disbursed.inputValue()).toBe('9000.00')
  await disbursed.fill('10000')
  await page.getByTestId('terms-save').click()
  await expect.poll(() => page.getByTestId('corrected-disbursedAmountFen').count()).toBe(1)
  await expect.poll(() => page.getByTestId('review-cost').textContent()).not.toBe('45.11%')
  const reviewId = page.url().split('#/review/')[1]
  const stored = await app.call('review.get', { id: reviewId })
  expect(stored.corrections).toEqual([{ term: 'disbursedAmountFen', value: 1_000_000 }])
  expect(stored).toMatchObject({ caseId, loanId })
  await page.reload()
  await expect.poll(() => page.getByTestId('term-disbursedAmountFen').inputValue()).toBe('10000.00')
  expect(await page.getByTestId('corrected-disbursedAmountFen').count()).toBe(1)
})

it('corrects a fee and the penalty in the term form: the findings are recomputed', async () => {
  const codes = () => page.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
  expect(await codes()).toEqual(expect.arrayContaining(['DISGUISED_INTEREST_FEES', 'PREDEDUCTED_INTEREST', 'OVERDUE_CHARGES_ABOVE_CAP']))
  expect(await page.getByTestId('fee-amount').inputValue()).toBe('1000.00')
  expect(await page.getByTestId('fee-deducted').isChecked()).toBe(true)
  // The 服务费 was never charged: remove it. The 违约金 is a fixed 500 yuan, not 日千分之一.
  await page.getByTestId('fee-remove').click()
  await page.getByTestId('penalty-kind').click()
  await page.locator('.ant-select-item-option', { hasText: '固定金额（元）' }).click()
  await page.getByTestId('penalty-figure').fill('500')
  await page.getByTestId('terms-save').click()
  await expect.poll(codes).not.toContain('DISGUISED_INTEREST_FEES')
  expect(await codes()).not.toContain('PREDEDUCTED_INTEREST')
  expect(await codes()).not.toContain('COST_ABOVE_36')
  const overdue = page.locator('[data-testid="finding"][data-code="OVERDUE_CHARGES_ABOVE_CAP"]')
  expect(await overdue.textContent()).toContain('逾期利息36% + 一次性违约金5%（按逾期一年摊算')
  expect(await page.getByTestId('review-cost').textContent()).toBe('24%')
  expect(await page.getByTestId('corrected-penalty').count()).toBe(1)
  const stored = await app.call('review.get', { id: page.url().split('#/review/')[1] })
  expect(stored.corrections).toEqual([
    { term: 'disbursedAmountFen', value: 1_000_000 },
    { term: 'fees', index: 0, value: null },
    { term: 'penalty', index: 0, value: { amountFen: 50_000 } },
  ])
  expect(stored.terms.fees).toEqual([])
}, 90_000)

it('writes the reviewed terms into the loan, and the case page lists the review', async () => {
  await page.getByTestId('review-apply').click()
  await expect.poll(async () => (await app.call('loans.get', { id: loanId })).rateOverdue).toBe('0.36')
  expect((await app.call('loans.get', { id: loanId })).disbursedAmountFen).toBe(1_000_000)
  await page.goto(app.url + `#/cases/${caseId}`)
  await expect.poll(() => page.getByTestId('case-reviews').textContent()).toContain('借款合同.txt')
  // The reviewed TXT is the case's 借款合同 exhibit: a PDF transcription of its text (a bundle cannot hold a TXT).
  await expect.poll(() => page.getByTestId('ev-list').textContent()).toContain('借款合同（文本，JK-2024-0318）')
  const [exhibit] = await app.call('evidence.list', { caseId })
  expect(exhibit).toMatchObject({ kind: 'contract', mime: 'application/pdf', fileName: '借款合同（文本）.pdf' })
})
