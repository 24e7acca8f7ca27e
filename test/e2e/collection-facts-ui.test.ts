import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startTestApp, type TestApp } from '../helpers/app'
import { makePng } from '../helpers/evidence-files'
import { createLiXiuyingCase } from '../helpers/fixtures'

/**
 * Issue 8's collection facts on the case page in Chromium through the bridge: a known asset and a signed
 * 债务确认书 added through their forms and listed (rows checked through the core; a future date refused with
 * its Chinese message), the asset counted in the 今日 score's factors; a 信函 logged and its 送达回执 uploaded
 * in chunks (a file that is not a document refused first), linked to the action as 送达凭证 evidence; the
 * 支付令 conditions answered on the litigation tab with the verdict following.
 */
let app: TestApp
let page: Page
let ids: Awaited<ReturnType<typeof createLiXiuyingCase>>
const chinaDate = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
const call: TestApp['call'] = (channel, input) => app.call(channel, input)
const WAIT = { timeout: 10_000 }

beforeAll(async () => {
  app = await startTestApp({ actor: '李律师', setup: async (c) => void (ids = await createLiXiuyingCase(c)) })
  page = app.page
})

afterAll(() => app?.close())

const answer = (code: string, label: string) => page.getByTestId(`po-${code}`).getByText(label, { exact: true }).click()
const pickOption = async (testId: string, label: string) => {
  await page.getByTestId(testId).first().click()
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click()
}

it('adds a known asset and a signed acknowledgement on the case page; the 今日 score shows the assets factor', async () => {
  await page.goto(app.url + `#/cases/${ids.caseId}`)
  await page.getByRole('tab', { name: '财产线索' }).click()
  await pickOption('asset-kind', '车辆')
  await page.getByTestId('asset-description').fill('浙A·12345 大众朗逸')
  await page.getByTestId('asset-value').fill('65000.5')
  await page.getByTestId('asset-source').fill('车辆查询')
  // A date found after today is refused with the core's Chinese message; nothing is stored.
  await page.getByTestId('asset-found-on').fill(chinaDate(3))
  await page.getByTestId('asset-add').click()
  await expect.poll(() => page.getByTestId('asset-error').count(), WAIT).toBe(1)
  expect(await page.getByTestId('asset-error').textContent()).toContain('晚于今天')
  expect(await call('assets.list', { id: ids.caseId })).toEqual([])

  await page.getByTestId('asset-found-on').fill(chinaDate(-3))
  await page.getByTestId('asset-add').click()
  await expect.poll(() => page.getByTestId('asset-list').textContent(), WAIT).toContain('浙A·12345 大众朗逸')
  expect(await page.getByTestId('asset-list').textContent()).toContain('65,000.50')
  expect(await page.getByTestId('asset-list').textContent()).toContain('车辆')
  expect(await call('assets.list', { id: ids.caseId })).toMatchObject([{ kind: 'vehicle', valueFen: 6_500_050, source: '车辆查询', foundOn: chinaDate(-3) }])

  await page.getByRole('tab', { name: '债务确认书' }).click()
  await page.getByTestId('ack-signed-on').fill(chinaDate(-2))
  await page.getByTestId('ack-amount').fill('12000')
  await page.getByTestId('ack-note').fill('借款人到所签署')
  await page.getByTestId('ack-add').click()
  await expect.poll(() => page.getByTestId('ack-list').textContent(), WAIT).toContain('借款人到所签署')
  expect(await page.getByTestId('ack-list').textContent()).toContain('12,000.00')
  expect(await call('acknowledgements.list', { id: ids.caseId })).toMatchObject([{ signedOn: chinaDate(-2), amountFen: 1_200_000, note: '借款人到所签署' }])

  const item = (await call('queue.today', {})).find((q: { caseId: string }) => q.caseId === ids.caseId)
  const assets = item.factors.find((f: { key: string }) => f.key === 'assets')
  expect(assets.points).toBeGreaterThan(0)
  await page.goto(app.url + '#/today')
  await page.getByTestId('queue-score').first().hover()
  await expect.poll(() => page.locator('.ant-tooltip:visible').textContent(), WAIT).toContain(`已知财产 +${assets.points}：${assets.reason}`)
})

it('logs a 信函 and uploads its 送达回执, which is linked to the action as 送达凭证 evidence', async () => {
  await page.goto(app.url + `#/cases/${ids.caseId}`)
  await pickOption('action-channel', '信函')
  await page.getByTestId('action-at').fill(`${chinaDate(-6)}T10:00`)
  await page.getByTestId('action-note').fill('寄送催收函')
  await page.getByTestId('action-save').click()
  await expect.poll(async () => (await call('actions.list', { id: ids.caseId })).length, WAIT).toBe(1)
  await expect.poll(() => page.getByTestId('receipt-upload').count(), WAIT).toBe(1)

  // A file that is not a document is refused with the intake's Chinese message; the action stays without proof.
  await page.getByTestId('receipt-date').fill(chinaDate(-4))
  await page.getByTestId('receipt-file').setInputFiles({ name: '回执.png', mimeType: 'image/png', buffer: Buffer.from('not an image') })
  await expect.poll(() => page.getByTestId('receipt-error').count(), WAIT).toBe(1)
  expect(await page.getByTestId('receipt-error').textContent()).toContain('回执.png')
  expect((await call('actions.list', { id: ids.caseId }))[0].proofEvidenceId).toBeNull()

  const png = makePng(80, 50, 5)
  await page.getByTestId('receipt-file').setInputFiles({ name: '回执.png', mimeType: 'image/png', buffer: Buffer.from(png) })
  await expect.poll(() => page.getByTestId('receipt-linked').count(), WAIT).toBe(1)
  expect(await page.getByTestId('receipt-linked').textContent()).toBe(`已附回执 · ${chinaDate(-4)} 送达`)
  const [action] = await call('actions.list', { id: ids.caseId })
  expect(action).toMatchObject({ channel: 'letter', deliveredOn: chinaDate(-4) })
  const evidence = await call('evidence.list', { caseId: ids.caseId })
  const receipt = evidence.find((e: { id: string }) => e.id === action.proofEvidenceId)
  expect(receipt).toMatchObject({ kind: 'delivery_proof', size: png.length })
})

it('checks the 支付令 conditions on the litigation tab: the verdict follows and the facts are stored', async () => {
  await page.goto(app.url + `#/cases/${ids.caseId}`)
  await page.getByRole('tab', { name: '诉讼与执行' }).click()
  await expect.poll(() => page.getByTestId('po-verdict').textContent(), WAIT).toBe('尚待核实')
  await answer('DUE_AND_CERTAIN', '满足')
  // 不主张合同未约定的项目 met = the stored fact "claims items not agreed" is false.
  await answer('ONLY_AGREED_ITEMS', '满足')
  await expect.poll(async () => (await call('paymentOrder.get', { id: ids.caseId })).facts, WAIT).toEqual({ dueAndAmountCertain: true, claimsItemsNotAgreed: false })
  expect(await page.getByTestId('po-verdict').textContent()).toBe('尚待核实')
  await answer('CAN_BE_SERVED', '不满足')
  await expect.poll(() => page.getByTestId('po-verdict').textContent(), WAIT).toBe('不宜申请支付令')
  expect(await call('paymentOrder.get', { id: ids.caseId })).toMatchObject({ verdict: 'not-eligible', facts: { dueAndAmountCertain: true, claimsItemsNotAgreed: false, canBeServed: false } })
  expect(await page.getByTestId('po-conditions').textContent()).toContain('支付令能够送达债务人')
})
