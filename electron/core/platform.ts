/**
 * What the core needs from whoever hosts it (Electron main, the web bridge, the CLI, a test).
 * Kept small on purpose: everything else the core does by itself under plain Node.
 */
export interface Platform {
  /** Where the store, evidence files, generated documents and backups live. */
  dataDir: string
  /** The read-only resources folder (fonts, templates, data tables). */
  resourcesDir: string
  /** The app version written into manifests and documents. */
  version: string
  /** Who is acting, for the audit log (the signed-in lawyer; the OS user by default). */
  actor: string
  /** The clock; tests pin it. */
  now(): Date
  /** Inside Electron: the better-sqlite3 build for Electron's ABI, which job workers must open the store with too. */
  sqliteBinding?: string
}
