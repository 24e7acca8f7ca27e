import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startTestApp, type TestApp } from '../helpers/app'
import { tempDir } from '../helpers/temp'

/**
 * 批量审查 in Chromium through the bridge: choose several contract files, start, watch the progress bar, see each
 * file's critical/warning counts and all-in cost (and the file that could not be read, with its reason), open one;
 * then start a large batch and cancel it.
 */
let app: TestApp
let page: Page
const FIX = 'test/fixtures/contracts'

beforeAll(async () => {
  app = await startTestApp({ actor: '李律师' })
  page = app.page
})

afterAll(() => app?.close())

it('reviews chosen files as a job and lists each with its counts and cost; one opens its review', async () => {
  const dir = tempDir()
  copyFileSync(join(FIX, '01-private-kantou-flawed.txt'), join(dir, '01-恒通.txt'))
  copyFileSync(join(FIX, '16-licensed-daily-fen-li.txt'), join(dir, '16-安信.txt'))
  writeFileSync(join(dir, '空白.txt'), '  \n')
  await page.goto(app.url + '#/review')
  await page.getByTestId('review-batch').click()
  await page.getByTestId('batch-files').setInputFiles(['01-恒通.txt', '16-安信.txt', '空白.txt'].map((f) => join(dir, f)))
  await expect.poll(() => page.getByTestId('batch-chosen').textContent()).toBe('已选 3 份合同（DOCX / PDF / TXT）')
  await page.getByTestId('batch-start').click()
  await expect.poll(() => page.getByTestId('batch-status').textContent(), { timeout: 60_000 }).toBe('已完成 · 3/3')
  expect(await page.getByTestId('batch-job').locator('.ant-progress-status-success').count()).toBe(1)
  const rows = page.getByTestId('batch-results').locator('tbody tr.ant-table-row')
  await expect.poll(() => rows.count()).toBe(2)
  const row = (i: number) => rows.nth(i).locator('td')
  expect(await row(0).allTextContents()).toEqual(['01-恒通.txt', '5', '3', '45.11%', '打开'])
  expect(await row(1).allTextContents()).toEqual(['16-安信.txt', '1', '0', '10.80%', '打开'])
  expect(await page.getByTestId('batch-errors').textContent()).toContain('空白.txt')
  expect(await page.getByTestId('batch-errors').textContent()).toContain('文件中没有文字')
  await rows.nth(1).getByTestId('batch-open').click()
  await expect.poll(() => page.getByTestId('review-title').textContent()).toBe('合同审查 · 16-安信.txt')
  expect(await page.locator('[data-testid="clause"][data-codes~="OVERDUE_CHARGES_ABOVE_CAP"]').getAttribute('data-severity')).toBe('critical')
}, 120_000)

it('cancels a large batch: the bar stops short and what was reviewed is listed', async () => {
  const dir = tempDir()
  const names = Array.from({ length: 300 }, (_, i) => `c${String(i).padStart(3, '0')}.txt`)
  for (const n of names) copyFileSync(join(FIX, '02-licensed-clean.txt'), join(dir, n))
  await page.goto(app.url + '#/review/batch')
  await page.getByTestId('batch-files').setInputFiles(names.map((n) => join(dir, n)))
  await page.getByTestId('batch-start').click()
  await page.getByTestId('batch-cancel').click({ timeout: 60_000 })
  await expect.poll(() => page.getByTestId('batch-status').textContent(), { timeout: 60_000 }).toMatch(/^已取消 · \d+\/300$/)
  const done = Number((await page.getByTestId('batch-status').textContent())!.match(/(\d+)\/300/)![1])
  expect(done).toBeLessThan(300)
  const stored = app.core.ctx.db.raw.prepare(`SELECT count(*) FROM contract_reviews WHERE file_name LIKE 'c%.txt'`).pluck().get() as number
  expect(stored).toBeLessThan(300)
}, 180_000)
