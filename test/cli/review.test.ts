import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { expect, it } from 'vitest'
import { casedesk } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

/**
 * `casedesk review FILE|DIR [--store]`: the documented JSON shape, options, batch progress on stderr, errors and exit
 * codes; with --store the reviews are in the store as the app keeps them (a directory through the review.batch job).
 */
const FIXTURES = 'test/fixtures/contracts'
const FLAWED = join(FIXTURES, '01-private-kantou-flawed.txt')

it('review FILE --json prints exactly {terms, allInAnnualCost, findings[{code,severity,start,end,text,basis,message}]}', () => {
  const r = casedesk('review', FLAWED, '--data-dir', tempDir(), '--json')
  expect(r.code, r.stderr).toBe(0)
  const out = r.json()
  expect(Object.keys(out)).toEqual(['terms', 'allInAnnualCost', 'findings'])
  expect(out.allInAnnualCost).toBe('0.4511')
  expect(out.terms.disbursedAmountFen).toEqual([{ value: 900000, start: expect.any(Number), end: expect.any(Number), text: '实际到账金额为9,000元' }])
  const text = readFileSync(FLAWED, 'utf8')
  for (const f of out.findings) {
    expect(Object.keys(f)).toEqual(['code', 'severity', 'start', 'end', 'text', 'basis', 'message'])
    expect(text.slice(f.start, f.end)).toBe(f.text)
  }
  expect(out.findings[0]).toMatchObject({ code: 'RATE_ABOVE_CAP', severity: 'critical', text: '第三条 借款年利率为24%，按月等额本息还款，共12期。' })
  expect(r.stderr).toBe('')
})

it('--regime and --disbursed change the review', () => {
  const dir = tempDir()
  const licensed = casedesk('review', FLAWED, '--regime', 'licensed', '--disbursed', '10000', '--data-dir', dir, '--json').json()
  const codes = licensed.findings.map((f: { code: string }) => f.code)
  // Under the licensed cap (24 %) the agreed 24 % holds; with 10,000 paid out the all-in cost is no longer 45.11 %.
  expect(codes).not.toContain('RATE_ABOVE_CAP')
  expect(licensed.allInAnnualCost).not.toBe('0.4511')
})

it('review DIR reviews every contract file, reports progress on stderr and one bad file without stopping', () => {
  const dir = tempDir()
  const src = join(dir, 'contracts')
  mkdirSync(src)
  for (const f of ['01-private-kantou-flawed.txt', '02-licensed-clean.txt', '05-conflicting-rates.txt']) copyFileSync(join(FIXTURES, f), join(src, f))
  writeFileSync(join(src, '00-empty.txt'), '')
  writeFileSync(join(src, 'notes.md'), 'not a contract')
  const r = casedesk('review', src, '--data-dir', dir, '--json')
  expect(r.code).toBe(1)
  const out = r.json()
  expect(out.map((x: { file: string }) => x.file)).toEqual(['00-empty.txt', '01-private-kantou-flawed.txt', '02-licensed-clean.txt', '05-conflicting-rates.txt'])
  expect(out[0]).toEqual({ file: '00-empty.txt', error: { code: 'REVIEW_EMPTY_FILE', message: '文件为空', messageEn: 'The file is empty' } })
  expect(out[1].allInAnnualCost).toBe('0.4511')
  expect(out[3].findings.map((f: { code: string }) => f.code)).toContain('CONFLICTING_TERMS')
  expect(r.stderr).toContain('审查 / reviewed 4/4')
  expect(r.stderr).toContain('1 file(s) could not be reviewed')
}, 60_000)

it('bad input: missing file (1), unsupported type (1), bad option (1 or 2), no argument (2)', () => {
  const dir = tempDir()
  const missing = casedesk('review', join(dir, 'nope.txt'), '--data-dir', dir, '--json')
  expect(missing.code).toBe(1)
  expect(missing.stdout).toBe('')
  expect(missing.stderr).toMatch(/BAD_INPUT_FILE.*\n.*No such file/)
  const md = join(dir, 'a.md')
  writeFileSync(md, '借款')
  expect(casedesk('review', md, '--data-dir', dir).stderr).toContain('REVIEW_UNSUPPORTED_FILE')
  const badAmount = casedesk('review', FLAWED, '--disbursed', 'lots', '--data-dir', dir, '--json')
  expect(badAmount.code).toBe(1)
  expect(badAmount.stderr).toContain('INVALID_INPUT')
  expect(casedesk('review', FLAWED, '--regime', 'bank', '--data-dir', dir).code).toBe(2)
  expect(casedesk('review', '--data-dir', dir).code).toBe(2)
}, 120_000)

const reviewsIn = (dataDir: string) => {
  const db = new BetterSqlite3(join(dataDir, 'casedesk.db'), { readonly: true })
  try {
    return db.prepare('SELECT id, file_name, file_kind, case_id, all_in_cost FROM contract_reviews ORDER BY file_name').all() as Record<string, unknown>[]
  } finally {
    db.close()
  }
}

it('review FILE --store keeps the review and says its id; without --store nothing is stored', () => {
  const dir = tempDir()
  const r = casedesk('review', FLAWED, '--store', '--data-dir', dir, '--json')
  expect(r.code).toBe(0)
  const out = r.json()
  expect(Object.keys(out)).toEqual(['reviewId', 'terms', 'allInAnnualCost', 'findings'])
  expect(out.allInAnnualCost).toBe('0.4511')
  expect(reviewsIn(dir)).toEqual([{ id: out.reviewId, file_name: '01-private-kantou-flawed.txt', file_kind: 'txt', case_id: null, all_in_cost: '0.4511' }])
  expect(casedesk('review', FLAWED, '--data-dir', dir, '--json').code).toBe(0)
  expect(reviewsIn(dir)).toHaveLength(1)
}, 60_000)

it('review DIR --store runs the review.batch job: each file stored, one bad file its own error, uploads cleared', () => {
  const dir = tempDir()
  const src = join(dir, 'contracts')
  mkdirSync(src)
  for (const f of ['01-private-kantou-flawed.txt', '02-licensed-clean.txt']) copyFileSync(join(FIXTURES, f), join(src, f))
  writeFileSync(join(src, '00-empty.txt'), '')
  writeFileSync(join(src, 'notes.md'), 'not a contract')
  const r = casedesk('review', src, '--store', '--data-dir', dir, '--json')
  expect(r.code).toBe(1)
  const out = r.json()
  expect(out.map((x: { file: string }) => x.file)).toEqual(['00-empty.txt', '01-private-kantou-flawed.txt', '02-licensed-clean.txt'])
  expect(out[0]).toEqual({ file: '00-empty.txt', error: { code: 'REVIEW_EMPTY_FILE', message: '文件为空', messageEn: 'The file is empty' } })
  expect(out[1]).toEqual({ file: '01-private-kantou-flawed.txt', reviewId: expect.any(String), critical: expect.any(Number), warning: expect.any(Number), info: expect.any(Number), allInAnnualCost: '0.4511' })
  const stored = reviewsIn(dir)
  expect(stored.map((x) => [x.id, x.file_name])).toEqual([[out[1].reviewId, '01-private-kantou-flawed.txt'], [out[2].reviewId, '02-licensed-clean.txt']])
  // The counts are the stored review's.
  const db = new BetterSqlite3(join(dir, 'casedesk.db'), { readonly: true })
  const findings = JSON.parse(db.prepare('SELECT findings_json FROM contract_reviews WHERE id = ?').pluck().get(out[1].reviewId) as string) as { severity: string }[]
  db.close()
  expect(out[1].critical).toBe(findings.filter((f) => f.severity === 'critical').length)
  expect(out[1].critical).toBeGreaterThan(0)
  expect(r.stderr).toContain('审查 / reviewed 3/3')
  expect(r.stderr).toContain('1 file(s) could not be reviewed')
  // The staged copies are gone; the user's files are untouched.
  const uploads = join(dir, 'imports', 'uploads')
  expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([])
  expect(readdirSync(src).sort()).toEqual(['00-empty.txt', '01-private-kantou-flawed.txt', '02-licensed-clean.txt', 'notes.md'])
}, 120_000)

it('review DIR --store: Ctrl-C cancels the job; what was reviewed is listed and stored, the rest is not', async () => {
  const dir = tempDir()
  const src = join(dir, 'contracts')
  mkdirSync(src)
  const text = readFileSync(FLAWED, 'utf8')
  for (let i = 0; i < 400; i++) writeFileSync(join(src, `${String(i).padStart(3, '0')}.txt`), text)
  const child = spawn(process.execPath, [join(process.cwd(), 'bin', 'casedesk.mjs'), 'review', src, '--store', '--data-dir', dir, '--json'], { env: { ...process.env, CASEDESK_DATA_DIR: '' } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => { stdout += d })
  child.stderr.on('data', (d) => {
    stderr += d
    // The first progress line: the job is under way.
    if (/reviewed \d+\/400/.test(stderr) && !child.killed) child.kill('SIGINT')
  })
  const code = await new Promise<number | null>((done) => child.on('close', done))
  expect(code).toBe(1)
  expect(stderr).toContain('cancelled after')
  const out = JSON.parse(stdout) as { file: string; reviewId: string }[]
  expect(out.length).toBeGreaterThan(0)
  expect(out.length).toBeLessThan(400)
  const stored = new Set(reviewsIn(dir).map((r) => r.id))
  for (const row of out) expect(stored.has(row.reviewId)).toBe(true)
  expect(stored.size).toBeLessThan(400)
}, 180_000)
