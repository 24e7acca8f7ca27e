import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh directory under the OS temp dir, one per call. */
export function tempDir(prefix = 'casedesk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A path for a new SQLite file in a fresh temp directory (WAL needs a real file). */
export function tempDbFile(): string {
  return join(tempDir(), 'casedesk.db')
}
