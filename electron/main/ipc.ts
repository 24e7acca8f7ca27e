import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Core } from '../core/services'

/**
 * The one `rpc` channel: the sender must be our own window's main frame, then the same dispatcher as the
 * web bridge and the CLI validates and runs the call. Core events are forwarded to the window.
 */
export function registerIpc(core: Core, win: BrowserWindow, isOurUrl: (url: string) => boolean): void {
  const fromUs = (e: IpcMainInvokeEvent) => e.sender === win.webContents && !!e.senderFrame && isOurUrl(e.senderFrame.url)
  ipcMain.handle('rpc', async (e, channel: unknown, input: unknown) => {
    if (!fromUs(e)) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的调用', messageEn: 'Call from an unknown page refused' } }
    if (typeof channel !== 'string') return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的调用', messageEn: 'Unknown channel' } }
    return core.dispatch(channel, input)
  })
  const off = core.ctx.events.onEvent((ev) => {
    if (!win.isDestroyed()) win.webContents.send('core-event', ev)
  })
  win.on('closed', off)
}
