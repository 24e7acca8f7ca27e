import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { autoBackup, dbFileIn, openCore, restoreFrom } from '../../electron/core/services'
import { tempDir } from '../helpers/temp'

const open = (dataDir: string) => openCore({ dataDir, resourcesDir: 'resources', version: 'test', actor: 't' })

it('backs up online, restores a checked backup and keeps the replaced store', async () => {
  const dataDir = tempDir()
  const core = await open(dataDir)
  await core.services.seed(30, 5)
  const out = join(tempDir(), 'b.db')
  const r = await core.services.system.backup(out)
  expect(r.bytes).toBeGreaterThan(10_000)
  await core.services.seed(10, 6) // work done after the backup
  expect(core.db.raw.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(40)
  await core.close()

  const restored = restoreFrom(dbFileIn(dataDir), out, new Date('2026-11-28T10:00:00Z'))
  expect(restored.previous).toMatch(/before-restore-20261128T100000$/)
  expect(existsSync(restored.previous!)).toBe(true)
  const again = await open(dataDir)
  expect(again.db.raw.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(30)
  expect((await again.dispatch('db.check', undefined)).ok).toBe(true)
  await again.close()
})

it('refuses to restore something that is not a CaseDesk backup, and leaves the store alone', async () => {
  const dataDir = tempDir()
  const core = await open(dataDir)
  await core.services.seed(5, 1)
  await core.close()
  const junk = join(tempDir(), 'junk.db')
  writeFileSync(junk, 'not sqlite at all')
  expect(() => restoreFrom(dbFileIn(dataDir), junk, new Date())).toThrow(/不是有效的案件台备份/)
  expect(() => restoreFrom(dbFileIn(dataDir), join(dataDir, 'missing.db'), new Date())).toThrow(/找不到备份文件/)
  const again = await open(dataDir)
  expect(again.db.raw.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(5)
  await again.close()
})

it('keeps a rotating set of automatic backups', async () => {
  const dataDir = tempDir()
  const core = await open(dataDir)
  const dir = join(dataDir, 'backups')
  const first = await autoBackup(core.db, dir, new Date('2026-11-01T00:00:00Z'), { everyHours: 24, keep: 2 })
  expect(first).toMatch(/auto-20261101T000000\.db$/)
  // A backup younger than a day is enough: none is made.
  expect(await autoBackup(core.db, dir, new Date(Date.now()), { everyHours: 24, keep: 2 })).toBeNull()
  await core.close()
})
