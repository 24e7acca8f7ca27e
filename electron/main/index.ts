import { app } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { autoBackup, backupsDirIn, createCore, dbFileIn, openDb } from '../core/services'
import { registerDocumentShell } from './document-shell'
import { registerIpc } from './ipc'
import { electronPlatform } from './platform-electron'
import { hardenApp } from './security'
import { createMainWindow } from './windows'

/**
 * Electron lifecycle only: open the store with the Electron build of better-sqlite3 (made by `npm start`,
 * see scripts/start.mjs), build the same core as every other door, and show one hardened window.
 */
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? null
const rendererFile = join(import.meta.dirname, '../renderer/index.html')
const isOurUrl = (url: string) => (rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://'))

async function start(): Promise<void> {
  hardenApp(isOurUrl)
  const platform = electronPlatform()
  const nativeBinding = join(app.getAppPath(), 'build', 'native', 'electron', 'better_sqlite3.node')
  const binding = existsSync(nativeBinding) ? nativeBinding : undefined
  const db = await openDb(dbFileIn(platform.dataDir), binding ? { nativeBinding: binding } : {})
  const core = createCore(db, { ...platform, sqliteBinding: binding })
  await autoBackup(db, backupsDirIn(platform.dataDir), new Date())
  const win = createMainWindow(rendererUrl, rendererFile)
  registerIpc(core, win, isOurUrl)
  registerDocumentShell(core, win, isOurUrl)
  app.on('before-quit', () => void db.close())
}

app.whenReady().then(start).catch((e) => {
  console.error(e)
  app.exit(1)
})
// One window, one store connection: closing the window ends the app on every platform.
app.on('window-all-closed', () => app.quit())
