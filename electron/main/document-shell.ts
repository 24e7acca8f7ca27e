import { app, BrowserWindow, ipcMain, shell, type IpcMainInvokeEvent } from 'electron'
import { pathToFileURL } from 'node:url'
import type { Core } from '../core/services'
import { documentViewer } from './document-viewer'

/**
 * The shell's document channels: `shell:openDocument` (the system viewer) and `shell:printDocument` (the PDF
 * through the print dialog). Only our window may call them; the work is in document-viewer.ts.
 */
export function registerDocumentShell(core: Core, win: BrowserWindow, isOurUrl: (url: string) => boolean): void {
  const viewer = documentViewer({
    getDocument: (id) => core.services.documents.get(id),
    openPath: (path) => shell.openPath(path),
    printPdf,
    tempDir: app.getPath('temp'),
  })
  const fromUs = (e: IpcMainInvokeEvent) => e.sender === win.webContents && !!e.senderFrame && isOurUrl(e.senderFrame.url)
  const refused = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的调用', messageEn: 'Call from an unknown page refused' } }
  ipcMain.handle('shell:openDocument', (e, id: unknown) => (fromUs(e) ? viewer.open(id) : refused))
  ipcMain.handle('shell:printDocument', (e, id: unknown) => (fromUs(e) ? viewer.print(id) : refused))
}

/**
 * Prints a PDF file, not the window: Chromium's PDF viewer shows it in a hidden window (no preload, no
 * Node, sandboxed), and that window's print goes to the system dialog. The viewer lays the pages out after
 * the load event, hence the short wait before printing.
 */
function printPdf(path: string): Promise<boolean> {
  const hidden = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true } })
  return new Promise<boolean>((resolve) => {
    hidden.webContents.once('did-finish-load', () => {
      setTimeout(() => hidden.webContents.print({ printBackground: true }, (printed) => {
        resolve(printed)
        hidden.destroy()
      }), 500)
    })
    hidden.webContents.once('did-fail-load', () => {
      resolve(false)
      hidden.destroy()
    })
    void hidden.loadURL(pathToFileURL(path).href)
  })
}
