import { UsageError } from '../args'
import { invoke, type Command } from './index'

export const auditCommand: Command = async ({ args, out, open }) => {
  if (args[0] !== 'verify') throw new UsageError('用法：audit verify / usage: audit verify')
  const r = await invoke(await open(), 'audit.verify', undefined)
  out.result(r, () =>
    r.ok ? `审计链完整，共 ${r.entries} 条 / audit chain intact, ${r.entries} entries` : `审计链在第 ${r.firstBroken!.seq} 条断开（${r.firstBroken!.reason}）/ chain broken at entry ${r.firstBroken!.seq}`)
  return r.ok ? 0 : 1
}
