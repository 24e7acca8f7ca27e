import { spawnSync } from 'node:child_process'
import { closeSync, openSync, readFileSync, ftruncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { casedesk } from '../helpers/cli'
import { makePdf, makePng } from '../helpers/evidence-files'
import { tempDir } from '../helpers/temp'

/** `casedesk evidence …` and `casedesk bundle …` as a user runs them (issue 5 §6 shapes and exit codes). */
let dir: string
let files: string
let caseId: string

beforeAll(async () => {
  dir = tempDir()
  files = tempDir()
  expect(casedesk('seed', '--cases', '2', '--seed', '5', '--data-dir', dir, '--json').code).toBe(0)
  caseId = casedesk('cases', 'list', '--limit', '1', '--data-dir', dir, '--json').json()[0].id
  writeFileSync(join(files, '借款合同.pdf'), await makePdf(3, 'CONTRACT'))
  writeFileSync(join(files, '回单.png'), makePng(60, 80))
  writeFileSync(join(files, '流水.pdf'), await makePdf(2, 'FLOW'))
}, 240_000)

it('evidence add / list print one JSON document each; kinds by Chinese label or code', () => {
  const a = casedesk('evidence', 'add', '--case', caseId, '--kind', '借款合同', '--name', '借款合同', '--purpose', '证明借贷关系', '--source', '原告提供', join(files, '借款合同.pdf'), '--data-dir', dir, '--json')
  expect(a.code, a.stderr).toBe(0)
  expect(a.json()).toMatchObject({ added: [{ label: '1', name: '借款合同', kind: 'contract', pages: 3, source: '原告提供' }], rejected: [] })
  const b = casedesk('evidence', 'add', '--case', caseId, '--kind', 'disbursement', '--purpose', '证明已放款', join(files, '回单.png'), join(files, '流水.pdf'), '--data-dir', dir, '--json')
  expect(b.code, b.stderr).toBe(0)
  expect(b.json().added.map((v: { name: string }) => v.name)).toEqual(['回单', '流水'])
  const list = casedesk('evidence', 'list', '--case', caseId, '--data-dir', dir, '--json')
  expect(list.json().map((v: { label: string; pages: number }) => [v.label, v.pages])).toEqual([['1', 3], ['2', 1], ['3', 2]])
}, 240_000)

it('bundle --json gives the documented shape; bundle verify and evidence verify pass, then fail on a flipped byte', () => {
  const out = join(tempDir(), 'bundle.zip')
  const r = casedesk('bundle', '--case', caseId, '--out', out, '--bates-prefix', 'HZ2024', '--data-dir', dir, '--json')
  expect(r.code, r.stderr).toBe(0)
  const j = r.json()
  expect(Object.keys(j)).toEqual(['zip', 'pdf', 'pages', 'exhibits'])
  expect(j).toMatchObject({ zip: out, pdf: out.replace(/\.zip$/, '.pdf'), pages: j.exhibits.at(-1).lastPage })
  expect(j.exhibits.map((e: any) => Object.keys(e))).toEqual(Array(3).fill(['no', 'name', 'firstPage', 'lastPage', 'sha256']))
  expect(j.exhibits.map((e: any) => e.lastPage - e.firstPage + 1)).toEqual([3, 1, 2])
  expect(j.exhibits[1].firstPage).toBe(j.exhibits[0].lastPage + 1)
  const ok = casedesk('bundle', 'verify', out, '--json')
  expect(ok.code, ok.stderr).toBe(0)
  expect(ok.json()).toEqual({ ok: true, problems: [] })
  expect(casedesk('evidence', 'verify', '--case', caseId, '--data-dir', dir, '--json').json()).toEqual({ ok: true, problems: [] })

  const unpacked = tempDir()
  spawnSync('unzip', ['-q', out, '-d', unpacked])
  const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'))
  const victim = manifest.exhibits[2].file
  const bytes = readFileSync(join(unpacked, victim))
  bytes[bytes.length >> 1] ^= 1
  writeFileSync(join(unpacked, victim), bytes)
  const bad = casedesk('bundle', 'verify', unpacked, '--json')
  expect(bad.code).toBe(1)
  expect(bad.json()).toEqual({ ok: false, problems: [{ file: victim, expected: manifest.exhibits[2].sha256, actual: expect.stringMatching(/^[0-9a-f]{64}$/), code: 'hash_mismatch' }] })
}, 240_000)

it('bad input: clear zh/en messages and exit codes; a 2 GB file refused by its size without being read', () => {
  const huge = join(files, 'huge.pdf')
  const fd = openSync(huge, 'w')
  ftruncateSync(fd, 2 * 1024 * 1024 * 1024)
  closeSync(fd)
  const started = Date.now()
  const r = casedesk('evidence', 'add', '--case', caseId, '--kind', 'other', huge, join(files, 'gone.pdf'), '--data-dir', dir, '--json')
  expect(Date.now() - started).toBeLessThan(20_000)
  expect(r.code).toBe(1)
  expect(r.json().rejected.map((x: { code: string }) => x.code)).toEqual(['EVIDENCE_TOO_LARGE', 'EVIDENCE_FILE_VANISHED'])
  const kind = casedesk('evidence', 'add', '--case', caseId, '--kind', '借条', join(files, '回单.png'), '--data-dir', dir, '--json')
  expect(kind.code).toBe(1)
  expect(kind.stdout).toBe('')
  expect(kind.stderr).toMatch(/INVALID_INPUT.*kind.*借款合同/s)
  expect(kind.stderr).toMatch(/Error \[INVALID_INPUT\].*kind must be one of/s)
  expect(casedesk('evidence', 'list', '--data-dir', dir, '--json').code).toBe(2)
  const prefix = casedesk('bundle', '--case', caseId, '--out', join(tempDir(), 'x.zip'), '--bates-prefix', '../x', '--data-dir', dir, '--json')
  expect(prefix.code).toBe(1)
  expect(prefix.stderr).toContain('Bates')
  expect(casedesk('bundle', 'verify', join(files, 'nothing.zip'), '--json').code).toBe(1)
  expect(casedesk('evidence', 'list', '--case', caseId, '--data-dir', dir, '--json').json()).toHaveLength(3)
}, 240_000)
