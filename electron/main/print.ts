import { ipcMain, type BrowserWindow } from 'electron'

/** Print the window's current view (e.g. a document preview) with the system dialog. */
export function registerPrint(win: BrowserWindow): void {
  ipcMain.handle('shell:print', (e) => {
    if (e.sender !== win.webContents) return false
    return new Promise<boolean>((resolve) => win.webContents.print({ printBackground: true }, (ok) => resolve(ok)))
  })
}
