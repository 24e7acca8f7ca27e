import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where CaseDesk keeps its data when no --data-dir is given: the same folder Electron uses as `userData`
 * for the app "CaseDesk", so the app, the web bridge and the CLI work on one store.
 * CASEDESK_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CASEDESK_DATA_DIR) return env.CASEDESK_DATA_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'CaseDesk')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'CaseDesk')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'CaseDesk')
}

export const DB_FILE_NAME = 'casedesk.db'
export const dbFileIn = (dataDir: string) => join(dataDir, DB_FILE_NAME)
export const backupsDirIn = (dataDir: string) => join(dataDir, 'backups')
