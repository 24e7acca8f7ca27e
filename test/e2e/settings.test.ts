import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startTestApp, type TestApp } from '../helpers/app'
import { tempDir } from '../helpers/temp'

/** A lawyer updates the LPR table from the settings page: a broken file is refused, a newer one is used. */
let app: TestApp
let page: Page
const dir = tempDir()

beforeAll(async () => {
  app = await startTestApp({ actor: '王律师' })
  page = app.page
})

afterAll(() => app?.close())

it('refuses a broken LPR table with the reason, then imports a newer one that the calculator uses', async () => {
  await page.goto(app.url + '#/settings')
  await expect.poll(() => page.getByTestId('lpr-source').textContent()).toBe('随软件发布')

  const broken = join(dir, 'broken.json')
  writeFileSync(broken, JSON.stringify({ asOf: '2026-10-01', rows: [{ effective: '2026-09-21', lpr1y: '290', lpr5y: '3.4' }] }))
  await page.locator('input[type=file]').setInputFiles(broken)
  await expect.poll(() => page.getByTestId('lpr-notice').textContent()).toContain('LPR 表格式错误')

  const table = JSON.parse(readFileSync('resources/data/lpr.json', 'utf8'))
  table.rows.push({ effective: '2026-09-21', lpr1y: '2.90', lpr5y: '3.40' })
  table.asOf = '2026-09-21'
  const newer = join(dir, 'newer.json')
  writeFileSync(newer, JSON.stringify(table))
  await page.locator('input[type=file]').setInputFiles(newer)
  await expect.poll(() => page.getByTestId('lpr-notice').textContent()).toContain('最新报价 2026-09-21')
  expect(await page.getByTestId('lpr-source').textContent()).toBe('用户导入')
  expect(await page.getByTestId('lpr-card').textContent()).toContain('2.90')

  // The calculator now caps a private loan of 2026-10-01 at 4 × 2.90% = 11.6%.
  const r = await app.core.dispatch('calc.claim', { input: { regime: 'private', contractDate: '2026-10-01', disbursementDate: '2026-10-01', contractAmount: '1000', disbursedAmount: '1000', rateTerm: '0.2', schedule: [{ dueDate: '2027-04-01', principal: '1000' }], asOf: '2026-11-01' } })
  expect(r).toMatchObject({ ok: true, data: { result: { cap: { annualRate: '0.116' } } } })
})
