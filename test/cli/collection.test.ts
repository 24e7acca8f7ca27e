import { beforeAll, expect, it } from 'vitest'

// Each run spawns the real CLI (a few seconds each on a busy machine).
const SLOW = { timeout: 240_000 } as const
import { casedesk } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

/** Issue 8 §9 commands through the real entry point (real clock: contact times are set relative to now). */
let dir: string
let caseId: string
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10)

beforeAll(() => {
  dir = tempDir()
  expect(casedesk('seed', '--cases', '20', '--seed', '3', '--data-dir', dir, '--json').code).toBe(0)
  caseId = casedesk('cases', 'list', '--limit', '1', '--data-dir', dir, '--json').json()[0].id
})

it('deadline prints {due, rolledFrom, basis}, rolled past the National Day holiday and onto a make-up working day', () => {
  const a = casedesk('deadline', '--kind', 'appeal-judgment', '--from', '2024-09-20', '--data-dir', dir, '--json')
  expect(a.code, a.stderr).toBe(0)
  expect(Object.keys(a.json())).toEqual(['due', 'rolledFrom', 'basis'])
  expect(a.json()).toMatchObject({ due: '2024-10-08', rolledFrom: '2024-10-05' })
  // 2024-02-29 + 2 years ends on 2026-02-28 (no 29th), a Saturday turned working day for the Spring Festival.
  expect(casedesk('deadline', '--kind', 'enforcement', '--from', '2024-02-29', '--data-dir', dir, '--json').json()).toMatchObject({ due: '2026-02-28', rolledFrom: null })
  const future = casedesk('deadline', '--kind', 'limitation', '--from', '2027-03-01', '--data-dir', dir, '--json')
  expect(future.code).toBe(0)
  expect(future.json().warning.code).toBe('HOLIDAY_YEAR_UNKNOWN')
  expect(future.stderr).toContain('节假日数据未包含')
  const bad = casedesk('deadline', '--kind', 'appeal', '--from', '2024-09-20', '--data-dir', dir, '--json')
  expect(bad.code).toBe(1)
  expect(bad.stdout).toBe('')
  expect(bad.stderr).toContain('INVALID_INPUT')
  expect(casedesk('deadline', '--from', '2024-09-20', '--data-dir', dir).code).toBe(2)
}, SLOW.timeout)

it('actions add logs an allowed call, refuses a 21:30 call with exit 1 and the code, and saves it with an override reason', () => {
  const ok = casedesk('actions', 'add', '--case', caseId, '--channel', '电话', '--target', 'borrower', '--at', `${yesterday}T10:00:00+08:00`, '--outcome', '接通', '--note', '本人接听', '--data-dir', dir, '--json')
  expect(ok.code, ok.stderr).toBe(0)
  expect(ok.json()).toMatchObject({ caseId, channel: 'phone', outcome: 'answered', note: '本人接听' })
  const late = casedesk('actions', 'add', '--case', caseId, '--channel', 'phone', '--target', 'borrower', '--at', `${yesterday}T21:30:00+08:00`, '--data-dir', dir, '--json')
  expect(late.code).toBe(1)
  expect(late.stdout).toBe('')
  expect(late.stderr).toContain('CONTACT_OUTSIDE_HOURS')
  expect(late.stderr).toContain('21:30')
  const over = casedesk('actions', 'add', '--case', caseId, '--channel', 'phone', '--target', 'borrower', '--at', `${yesterday}T21:30:00+08:00`, '--override', '借款人约定晚间回电', '--data-dir', dir, '--json')
  expect(over.code, over.stderr).toBe(0)
  expect(over.json().overrideReason).toBe('借款人约定晚间回电')
  expect(casedesk('actions', 'add', '--case', caseId, '--channel', 'pigeon', '--target', 'borrower', '--at', `${yesterday}T10:00:00+08:00`, '--data-dir', dir).code).toBe(2)
  expect(casedesk('actions', 'list', '--data-dir', dir).code).toBe(2)
}, SLOW.timeout)

it('deadlines lists the limitation of each loan of a case; today lists the queue as one JSON array', () => {
  const d = casedesk('deadlines', '--case', caseId, '--data-dir', dir, '--json')
  expect(d.code, d.stderr).toBe(0)
  expect(d.json().limitation.length).toBeGreaterThan(0)
  expect(d.json().limitation[0]).toMatchObject({ state: expect.stringMatching(/running|expired|suspended_by_proceedings/) })
  expect(casedesk('deadlines', '--case', 'nope', '--data-dir', dir, '--json').code).toBe(1)
  const t = casedesk('today', '--data-dir', dir, '--json')
  expect(t.code, t.stderr).toBe(0)
  const q = t.json()
  expect(Array.isArray(q)).toBe(true)
  for (let i = 1; i < q.length; i++) expect(q[i - 1].score).toBeGreaterThanOrEqual(q[i].score)
}, SLOW.timeout)
