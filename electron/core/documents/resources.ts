import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Where `resources/` (fonts, templates) lives. From source and tests it is found by walking up from this
 * file; a packaged app or a bundled worker sets it explicitly (Electron's `process.resourcesPath`), or the
 * environment variable `CASEDESK_RESOURCES` names it.
 */
let configured: string | undefined

/** Sets the resources folder for this process (call before the first document is generated). */
export function setResourcesDir(dir: string): void {
  configured = dir
}

/** The resources folder: the configured one, `$CASEDESK_RESOURCES`, or the nearest `resources/` above this file. */
export function resourcesDir(): string {
  if (configured) return configured
  if (process.env.CASEDESK_RESOURCES) return process.env.CASEDESK_RESOURCES
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'fonts'))) return candidate
    dir = resolve(dir, '..')
  }
  throw new Error('resources/ folder not found; call setResourcesDir()')
}
