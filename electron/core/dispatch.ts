import { contract, type ChannelName } from '../../shared/ipc/contract'
import { fail, ok, type Result } from '../../shared/ipc/result'
import { UserError } from './errors'
import { handlers } from './handlers/index'
import type { Services } from './services'
import { zodToAppError } from './zod-errors'

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>

/**
 * The one dispatcher behind every door (Electron IPC, the web bridge, the CLI): look the channel up in the
 * contract, parse the input with its schema — the one place outside input is validated — call the handler,
 * and wrap whatever happens in a Result. Nothing throws across the boundary.
 */
export function createDispatcher(services: Services, log: (e: unknown) => void = (e) => console.error(e)): Dispatch {
  return async (channel, input) => {
    if (!Object.hasOwn(contract, channel))
      return fail({ code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}`, messageEn: `Unknown channel: ${channel}` })
    const name = channel as ChannelName
    const parsed = contract[name].input.safeParse(input)
    if (!parsed.success) return fail(zodToAppError(parsed.error))
    try {
      const handler = handlers[name] as (s: Services, i: unknown) => Promise<unknown>
      return ok(await handler(services, parsed.data))
    } catch (e) {
      return fail(toAppError(e, log))
    }
  }
}

function toAppError(e: unknown, log: (e: unknown) => void) {
  if (e instanceof UserError) return e.toAppError()
  const code = (e as { code?: string })?.code
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    // A constraint the services did not check first: still the user's data, still nothing written (the transaction rolled back).
    return { code: 'CONSTRAINT_FAILED', message: `数据不符合存储规则，未保存：${(e as Error).message}`, messageEn: `The data breaks a storage rule and was not saved: ${(e as Error).message}` }
  }
  log(e)
  return { code: 'INTERNAL', message: `内部错误：${(e as Error)?.message ?? String(e)}`, messageEn: `Internal error: ${(e as Error)?.message ?? String(e)}` }
}
