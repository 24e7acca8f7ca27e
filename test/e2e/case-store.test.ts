import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { idCheckChar } from '../../electron/core/law/id-number'
import type { OpenedCore } from '../../electron/core/services'
import { startTestApp, type TestApp } from '../helpers/app'

/**
 * A lawyer's first session, through the web bridge in Debian's Chromium against the real core:
 * 200 seeded cases → find a borrower by two characters of her name, then by four digits of her ID number →
 * open the case → enter an invalid ID number and see the error → correct it → reload and see it saved.
 */
let app: TestApp
let core: OpenedCore
let page: Page
let target: { name: string; idNumber: string; caseNo: string; borrowerId: string }

beforeAll(async () => {
  app = await startTestApp({ actor: '张律师', setup: (_call, c) => c.services.seed(200, 11).then(() => undefined) })
  ;({ core, page } = app)
  const raw = core.db.raw
  // A female borrower whose given name (two characters) and some 4 digits of her ID number pick out few cases.
  const candidates = raw.prepare(`SELECT b.id, b.name, b.id_number, c.case_no FROM borrowers b JOIN cases c ON c.borrower_id = b.id WHERE b.sex = 'female' AND length(b.name) = 3`).all() as { id: string; name: string; id_number: string; case_no: string }[]
  const count = (sql: string, v: string) => raw.prepare(sql).pluck().get(`%${v}%`) as number
  const pick = candidates.find((c) => count('SELECT count(*) FROM borrowers WHERE name LIKE ?', c.name.slice(1)) <= 3 && count('SELECT count(*) FROM borrowers WHERE id_number LIKE ?', c.id_number.slice(12, 16)) <= 3)!
  target = { name: pick.name, idNumber: pick.id_number, caseNo: pick.case_no, borrowerId: pick.id }
})

afterAll(() => app?.close())

async function search(q: string) {
  const box = page.getByTestId('case-search').locator('input')
  await box.fill(q)
  await box.press('Enter')
}

it('finds, opens and corrects a borrower, and the change is stored and audited', async () => {
  await page.goto(app.url)
  await expect.poll(() => page.getByTestId('case-total').textContent()).toBe('共 200 件')
  // antd runs without runtime styles (its prebuilt stylesheet); the app's theme tokens still reach the page.
  expect(await page.locator('.ant-menu-item').first().evaluate((el) => (globalThis as any).getComputedStyle(el).fontSize)).toBe('13px')
  expect(await page.getByTestId('lang-switch').evaluate((el) => (globalThis as any).getComputedStyle(el).borderRadius)).toBe('4px')

  await search(target.name.slice(1))
  await expect.poll(() => page.getByTestId('case-row').filter({ hasText: target.name }).count()).toBe(1)
  expect(await page.getByTestId('case-total').textContent()).not.toBe('共 200 件')

  await search(target.idNumber.slice(12, 16))
  const row = page.getByTestId('case-row').filter({ hasText: target.caseNo })
  await expect.poll(() => row.count()).toBe(1)
  // Lists show ID numbers masked: the row never carries the full number.
  expect(await row.textContent()).not.toContain(target.idNumber)

  await row.click()
  await expect.poll(() => page.getByTestId('case-title').textContent()).toContain(target.name)

  // An ID number with a wrong check digit is refused with the service's message, and nothing changes.
  const body17 = target.idNumber.slice(0, 14) + '087'
  const wrong = body17 + (idCheckChar(body17) === '1' ? '2' : '1')
  await page.getByTestId('borrower-edit').click()
  await page.getByTestId('id-number-input').fill(wrong)
  await page.getByTestId('borrower-save').click()
  await expect.poll(() => page.getByText('身份证号码无效：校验位错误').count()).toBe(1)
  expect(core.db.raw.prepare('SELECT id_number FROM borrowers WHERE id = ?').pluck().get(target.borrowerId)).toBe(target.idNumber)

  // Corrected, it is saved; after a reload the page shows the new number, masked.
  const right = body17 + idCheckChar(body17)
  await page.getByTestId('id-number-input').fill(right)
  await page.getByTestId('borrower-save').click()
  await expect.poll(() => page.getByTestId('id-number').textContent()).toBe(`${right.slice(0, 6)}********${right.slice(14)}`)
  await page.reload()
  await expect.poll(() => page.getByTestId('id-number').textContent()).toBe(`${right.slice(0, 6)}********${right.slice(14)}`)
  expect(core.db.raw.prepare('SELECT id_number FROM borrowers WHERE id = ?').pluck().get(target.borrowerId)).toBe(right)

  // The change is in the audit log, by the acting user, and the hash chain verifies.
  const entry = core.db.raw.prepare(`SELECT actor, action, diff_json FROM audit_log WHERE entity = 'borrower' AND entity_id = ? ORDER BY seq DESC LIMIT 1`).get(target.borrowerId) as { actor: string; action: string; diff_json: string }
  expect(entry).toMatchObject({ actor: '张律师', action: 'update' })
  expect(JSON.parse(entry.diff_json).id_number_changed).toBe(true)
  const verified = await core.dispatch('audit.verify', undefined)
  expect(verified).toMatchObject({ ok: true, data: { ok: true } })
})

it('switches the interface to English and back', async () => {
  await page.goto(app.url.replace(/\?token=.*/, '') + '#/cases')
  await page.getByTestId('lang-switch').click()
  await expect.poll(() => page.getByTestId('case-total').textContent()).toBe('200 cases')
  await page.getByTestId('lang-switch').click()
  await expect.poll(() => page.getByTestId('case-total').textContent()).toBe('共 200 件')
})

it('opens the case list for an address of no area (an old bookmark, a typo)', async () => {
  await page.goto(app.url.replace(/\?token=.*/, '') + '#/no-such-area')
  await expect.poll(() => page.getByTestId('case-total').textContent()).toBe('共 200 件')
  expect(await page.locator('.ant-menu-item-selected').textContent()).toBe('案件')
})
