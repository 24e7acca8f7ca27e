import { app } from 'electron'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { defaultDataDir, type Platform } from '../core/services'

/** The Platform as Electron provides it: userData is the same folder the CLI uses by default. */
export function electronPlatform(): Platform {
  app.setPath('userData', defaultDataDir())
  return {
    dataDir: app.getPath('userData'),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
    version: app.getVersion(),
    actor: userInfo().username,
    now: () => new Date(),
  }
}
