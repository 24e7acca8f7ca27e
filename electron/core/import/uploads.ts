import { readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'

/**
 * Uploaded files wait in the data directory until they are imported, one folder per upload (the renderer cannot
 * hand over a path). They hold borrowers' personal data, so none stays longer than it serves: a finished import
 * removes its upload, and uploads left behind (a wizard closed half-way, a cancelled run never resumed) go when
 * the app next starts once they are a day old.
 */
export const uploadsDir = (dataDir: string) => join(dataDir, 'imports', 'uploads')

/** Uploads untouched for this long are stale. */
export const STALE_UPLOAD_MS = 24 * 3_600_000

/** Remove the upload folder holding `path`, when `path` is a staged upload (the CLI imports files in place). */
export function removeUploadOf(dataDir: string, path: string): boolean {
  const rel = relative(uploadsDir(dataDir), path)
  const parts = rel.split(sep)
  if (rel.startsWith('..') || parts.length !== 2) return false
  rmSync(dirname(path), { recursive: true, force: true })
  return true
}

/** Remove every upload not written to for STALE_UPLOAD_MS; returns how many went. */
export function removeStaleUploads(dataDir: string, now: number): number {
  let removed = 0
  let entries: string[]
  try {
    entries = readdirSync(uploadsDir(dataDir))
  } catch {
    return 0 // no upload yet
  }
  for (const id of entries) {
    const dir = join(uploadsDir(dataDir), id)
    try {
      const files = readdirSync(dir)
      const touched = Math.max(statSync(dir).mtimeMs, ...files.map((f) => statSync(join(dir, f)).mtimeMs))
      if (now - touched < STALE_UPLOAD_MS) continue
      rmSync(dir, { recursive: true, force: true })
      removed++
    } catch {
      // removed meanwhile, or not ours to read: leave it
    }
  }
  return removed
}
