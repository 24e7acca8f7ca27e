import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { PacksResult } from '../../shared/domain/evidence'
import { startTestApp, type TestApp } from '../helpers/app'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { makePdf } from '../helpers/evidence-files'
import { tempDir } from '../helpers/temp'

/**
 * Filing packs from the 证据 area, in Chromium through the web bridge: three cases in litigation (one with a
 * court and an exhibit); the lawyer packs the stage into a folder and sees per case the folder, claim, court
 * fee and what is missing — the same the job wrote on disk; then picks one case by search and cancels a run.
 */
let app: TestApp
let page: Page
let cases: { caseId: string; caseNo: string }[]

beforeAll(async () => {
  app = await startTestApp({
    actor: '张律师',
    setup: async (_call, core) => {
      cases = [await makeEvidenceCase(core, 1), await makeEvidenceCase(core, 2), await makeEvidenceCase(core, 3)]
      core.db.raw.prepare("UPDATE cases SET stage = 'litigation'").run()
      core.db.raw.prepare("UPDATE cases SET court = '杭州市西湖区人民法院' WHERE id = ?").run(cases[0].caseId)
      await core.services.evidence.add({ caseId: cases[0].caseId, kind: 'contract', name: '借款合同', purpose: '证明借贷关系' }, [{ fileName: 'c.pdf', bytes: await makePdf(2) }])
    },
  })
  page = app.page
}, 120_000)

afterAll(() => app?.close())

it('packs a stage into a folder and lists each case with claim, fee and what is missing', async () => {
  const out = tempDir()
  await page.goto(`${app.url}#evidence`)
  await expect.poll(() => page.getByTestId('packs-screen').count(), { timeout: 30_000 }).toBe(1)
  expect(await page.getByTestId('pack-stage').textContent()).toContain('诉讼')
  await page.getByTestId('pack-out').fill(out)
  await page.getByTestId('pack-start').click()
  await expect.poll(() => page.getByTestId('pack-status').textContent(), { timeout: 170_000 }).toMatch(/^已完成 · 3\/3/)
  const [job] = app.core.services.jobs.list()
  const result = job.result as PacksResult
  const rows = page.getByTestId('pack-results').locator('tbody tr.ant-table-row')
  expect(await rows.count()).toBe(3)
  for (const [i, p] of result.packs.entries()) {
    const cells = await rows.nth(i).locator('td').allTextContents()
    expect(cells.slice(0, 4)).toEqual([p.caseNo, p.dir, p.claim, p.courtFee])
    expect(Number(p.claim)).toBeGreaterThan(0)
    for (const m of p.missing) expect(cells[4]).toContain(m)
    expect(existsSync(join(p.dir, '缺件清单.txt'))).toBe(true)
  }
  expect(result.packs.map((p) => p.caseNo)).toEqual(cases.map((c) => c.caseNo).sort())
  const withCourt = result.packs.find((p) => p.caseId === cases[0].caseId)!
  expect(withCourt.missing).not.toContain('受诉法院未填写')
  expect(readdirSync(withCourt.dir)).toContain(`${cases[0].caseNo}-证据材料.pdf`)
  expect(await rows.filter({ hasText: cases[1].caseNo }).textContent()).toContain('尚无证据，未生成证据材料')
  expect(await page.getByTestId('pack-summary').textContent()).toBe(`汇总表：${join(out, '立案材料汇总.xlsx')}`)
  expect(existsSync(join(out, '立案材料汇总.xlsx'))).toBe(true)
}, 180_000)

it('packs chosen cases found by search, and a cancel stops handing out cases', async () => {
  const out = tempDir()
  await page.getByTestId('pack-by').getByText('选定案件').click()
  for (const c of cases) {
    await page.getByTestId('pack-cases').click()
    await page.keyboard.type(c.caseNo)
    await page.locator('.ant-select-item-option').filter({ hasText: c.caseNo }).click()
  }
  await page.keyboard.press('Escape')
  await page.getByTestId('pack-out').fill(out)
  await page.getByTestId('pack-start').click()
  await page.getByTestId('pack-cancel').click()
  await expect.poll(() => page.getByTestId('pack-status').textContent()).toMatch(/^已取消…/)
  const job = await app.core.services.jobs.wait(app.core.services.jobs.list()[0].id)
  await expect.poll(() => page.getByTestId('pack-status').textContent(), { timeout: 60_000 }).toMatch(/^已取消 · /)
  expect(job.status).toBe('cancelled')
  expect(job.total).toBe(3)
  const packs = (job.result as PacksResult).packs
  expect(packs.length).toBeLessThan(3)
  expect(await page.getByTestId('pack-results').locator('tbody tr.ant-table-row').count()).toBe(packs.length)
  expect(readdirSync(out).filter((f) => !f.endsWith('.xlsx')).length).toBeLessThanOrEqual(2)
}, 180_000)
