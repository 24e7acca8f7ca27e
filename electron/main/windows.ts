import { BrowserWindow } from 'electron'
import { join } from 'node:path'

/** The main window, with the settings ARCHITECTURE.md requires (isolated, sandboxed, no Node). */
export function createMainWindow(rendererUrl: string | null, rendererFile: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '案件台 CaseDesk',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  if (rendererUrl) void win.loadURL(rendererUrl)
  else void win.loadFile(rendererFile)
  return win
}
