import { execFileSync } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { OpenedCore } from '../../electron/core/services'
import { startTestApp, type TestApp } from '../helpers/app'
import { tempDir } from '../helpers/temp'

/**
 * A lawyer's documents, through the web bridge in Chromium: generate a demand letter on a case page and see
 * the PDF preview and the list, open it in a new tab; copy a built-in template, break it (the line is named), fix it, save v2;
 * run a batch — first into a folder that cannot be written (refused), then into a real one to the end with
 * that edited template.
 */
let app: TestApp
let core: OpenedCore
let page: Page

beforeAll(async () => {
  app = await startTestApp({ actor: '张律师', setup: (_call, c) => c.services.seed(30, 4).then(() => undefined) })
  ;({ core, page } = app)
}, 120_000)

afterAll(() => app?.close())

it('generates a document on the case page, previews it and lists it', async () => {
  const kase = core.db.raw.prepare(`SELECT id, case_no FROM cases WHERE stage = 'collection' LIMIT 1`).get() as { id: string; case_no: string }
  await page.goto(`${app.url}#cases/${kase.id}`)
  await page.getByTestId('doc-generate').click()
  await expect.poll(() => page.getByTestId('doc-preview').getAttribute('src'), { timeout: 60_000 }).toMatch(/^blob:/)
  expect(await page.getByTestId('doc-shown').textContent()).toBe(`${kase.case_no}-demand-letter.pdf`)
  await expect.poll(() => page.getByTestId('doc-missing').textContent()).toContain('payee.accountName')
  await expect.poll(() => page.getByTestId('doc-list').locator('tbody tr').filter({ hasText: 'builtin-demand-letter v1' }).count()).toBe(1)
  expect(core.db.raw.prepare('SELECT count(*) FROM documents WHERE case_id = ?').pluck().get(kase.id)).toBe(1)
  // 打开 in a browser: the PDF in a new tab (Electron hands the file to the system viewer instead).
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('doc-open').click()])
  await expect.poll(() => tab.url()).toMatch(/^blob:/)
  await tab.close()
  await page.getByTestId('doc-list').getByText('重新生成核对').click()
  await expect.poll(() => page.getByTestId('doc-note').textContent()).toContain('与存档一致')
}, 120_000)

it('copies a built-in template, refuses a broken edit with its line, saves version 2', async () => {
  await page.goto(`${app.url}#documents`)
  await page.getByRole('tab', { name: '模板' }).click()
  await page.getByTestId('tpl-select').click()
  await page.locator('.ant-select-item-option').filter({ hasText: '催收函（内置）' }).click()
  await expect.poll(() => page.getByTestId('tpl-body').inputValue()).toContain('{{borrower.name}}')
  await page.getByTestId('tpl-copy').click()
  await expect.poll(() => page.getByTestId('tpl-save').count()).toBe(1)
  const body = await page.getByTestId('tpl-body').inputValue()
  await page.getByTestId('tpl-body').fill(`${body}\n{{borrower.nmae}}`)
  const line = body.split('\n').length + 1
  await expect.poll(() => page.getByTestId('tpl-error').textContent(), { timeout: 30_000 }).toContain(`模板第 ${line} 行：未知的字段“borrower.nmae”`)
  await page.getByTestId('tpl-save').click()
  await expect.poll(() => page.getByTestId('tpl-error').textContent()).toContain(`第 ${line} 行`)
  expect(core.db.raw.prepare(`SELECT max(version) FROM templates WHERE builtin = 0`).pluck().get()).toBe(1)
  await page.getByTestId('tpl-body').fill(`${body}\n本函一式两份。`)
  await expect.poll(() => page.getByTestId('tpl-preview').getAttribute('src'), { timeout: 30_000 }).toMatch(/^blob:/)
  await page.getByTestId('tpl-save').click()
  await expect.poll(() => page.getByTestId('tpl-saved').textContent()).toContain('第 2 版')
  expect(core.db.raw.prepare(`SELECT body FROM templates WHERE builtin = 0`).pluck().get()).toContain('本函一式两份。')
}, 120_000)

it('runs a batch with the edited template: an unwritable folder is refused first, then the job runs to the end with its files listed', async () => {
  await page.goto(`${app.url}#documents`)
  const file = join(tempDir(), 'a-file')
  writeFileSync(file, 'x')
  await page.getByTestId('batch-out').fill(join(file, 'out'))
  await page.getByTestId('batch-start').click()
  await expect.poll(() => page.getByTestId('batch-error').textContent()).toContain('无法写入输出文件夹')
  const out = tempDir()
  await page.getByRole('spinbutton', { name: '逾期天数不少于' }).fill('0')
  await page.getByTestId('batch-out').fill(out)
  const mine = core.db.raw.prepare(`SELECT id, name FROM templates WHERE builtin = 0 AND doc_type = 'demand-letter'`).get() as { id: string; name: string }
  await page.getByTestId('batch-template').click()
  await page.locator('.ant-select-item-option').filter({ hasText: `${mine.name} v2` }).click()
  await page.getByTestId('batch-start').click()
  await expect.poll(() => page.getByTestId('batch-status').textContent(), { timeout: 180_000 }).toMatch(/^已完成 · (\d+)\/\1/)
  const n = core.db.raw.prepare(`SELECT count(*) FROM cases WHERE stage = 'collection'`).pluck().get() as number
  await expect.poll(() => page.getByTestId('batch-files').textContent()).toContain(`已生成文件 (${n})`)
  // Every letter of the batch was made from the user's version 2, and says what was added to it.
  const made = core.db.raw.prepare(`SELECT template_id, template_version, count(*) AS n FROM documents WHERE file_name LIKE '%-demand-letter.pdf' AND created_at >= (SELECT max(updated_at) FROM templates WHERE id = ?) GROUP BY 1, 2`).all(mine.id)
  expect(made).toEqual([{ template_id: mine.id, template_version: 2, n }])
  const first = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort()[0]
  expect(execFileSync('pdftotext', [join(out, first), '-'], { encoding: 'utf8' })).toContain('本函一式两份。')
}, 240_000)
