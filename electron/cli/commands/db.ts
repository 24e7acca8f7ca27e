import { resolve } from 'node:path'
import { dbFileIn, restoreFrom } from '../../core/services'
import { UsageError } from '../args'
import { invoke, type Command } from './index'

export const dbCommand: Command = async ({ args, out, open }) => {
  if (args[0] !== 'check') throw new UsageError('用法：db check / usage: db check')
  const r = await invoke(await open(), 'db.check', undefined)
  out.result(r, () =>
    [`完整性 / integrity: ${r.integrity.join('; ')}`, `外键 / foreign keys: ${r.foreignKeyViolations.length} 处问题`, `迁移 / migrations: ${r.migrations.applied.join(', ')}${r.migrations.upToDate ? '（最新）' : '（需升级）'}`].join('\n'))
  return r.ok ? 0 : 1
}

export const backupCommand: Command = async ({ options, out, open }) => {
  if (typeof options.out !== 'string') throw new UsageError('backup 需要 --out FILE / backup needs --out FILE')
  const core = await open()
  const r = await core.services.system.backup(resolve(options.out))
  out.result(r, () => `已备份到 ${r.file}（${r.bytes} 字节）/ backed up to ${r.file}`)
  return 0
}

/** Runs with the store closed: the file is swapped, not written through an open connection. */
export const restoreCommand: Command = async ({ args, out, dataDir }) => {
  if (!args[0]) throw new UsageError('用法：restore FILE / usage: restore FILE')
  const r = restoreFrom(dbFileIn(dataDir), resolve(args[0]), new Date())
  out.result(r, () => `已恢复 ${r.restored}${r.previous ? `；原数据库保留为 ${r.previous}` : ''} / restored`)
  return 0
}
