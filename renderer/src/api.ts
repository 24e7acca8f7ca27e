import type { Api, ChannelName, InputOf, OutputOf } from '../../shared/ipc/contract'
import type { Result } from '../../shared/ipc/result'

/**
 * The renderer's API: the preload's `window.api` inside Electron, or — in a browser through the web bridge —
 * a fetch client for the same contract. The token comes from the URL the bridge printed; it is kept for the
 * tab's session and removed from the address bar.
 */
declare global {
  interface Window {
    api?: Api & {
      onEvent?(listener: (e: unknown) => void): () => void
      /** Electron only: a stored document in the system viewer, or its PDF to the print dialog. */
      openDocument?(id: string): Promise<Result<{ path: string }>>
      printDocument?(id: string): Promise<Result<{ printed: boolean }>>
    }
  }
}

function webClient(): Api {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem('casedesk-token', fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.toString())
  }
  const token = sessionStorage.getItem('casedesk-token') ?? ''
  return {
    async invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
      try {
        const res = await fetch(`./rpc/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CaseDesk-Token': token },
          body: input === undefined ? '' : JSON.stringify(input),
        })
        return (await res.json()) as Result<OutputOf<C>>
      } catch (e) {
        return { ok: false, error: { code: 'NETWORK', message: '无法连接到案件台服务', messageEn: `Cannot reach the CaseDesk service: ${String(e)}` } }
      }
    },
  }
}

let api: Api | undefined
export function getApi(): Api {
  return (api ??= window.api ?? webClient())
}

/** Call a channel; resolve with the data or reject with the AppError (what forms show under a field). */
export async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await getApi().invoke(channel, input)
  if (!r.ok) throw r.error
  return r.data
}
