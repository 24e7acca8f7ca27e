import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startTestApp, type TestApp } from '../helpers/app'
import { createLiXiuyingCase } from '../helpers/fixtures'

/**
 * The calculator panel on a case page, in Chromium through the bridge: pick a date, calculate, read the
 * supportable figures beside the contract's, the cap in words, a line's legal basis on hover, and copy the text.
 */
let app: TestApp
let page: Page
let caseId: string

beforeAll(async () => {
  app = await startTestApp({ actor: '李律师', permissions: ['clipboard-read', 'clipboard-write'], setup: async (call) => void ({ caseId } = await createLiXiuyingCase(call)) })
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
