import { UsageError } from '../args'
import { invoke, type Command } from './index'

export const validateCommand: Command = async ({ args, out, open }) => {
  const [kind, value] = args
  if (value === undefined || (kind !== 'id-number' && kind !== 'credit-code'))
    throw new UsageError('用法：validate id-number X | validate credit-code X / usage: validate id-number X | validate credit-code X')
  const core = await open()
  const r = kind === 'id-number' ? await invoke(core, 'validate.idNumber', { value }) : await invoke(core, 'validate.creditCode', { value })
  out.result(r, () => (r.valid ? `有效 / valid` : `无效：${r.reason} / invalid: ${r.reason}`))
  return 0
}
