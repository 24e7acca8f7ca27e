import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { UserError } from '../errors'

/**
 * Files CaseDesk keeps (evidence, reviewed contracts, generated documents) live under the data directory,
 * content-addressed by SHA-256: `<root>/ab/cd/<sha256>`. The same bytes are stored once; a write is a
 * temporary file renamed into place, so a crash never leaves half a file under a real name.
 */
export interface StoredFile {
  sha256: string
  size: number
  path: string
  /** False when these bytes were already in the store. */
  created: boolean
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Hash a file by streaming it (no whole-file buffer), for large exhibits. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256')
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject)
  })
}

export function createContentStore(root: string) {
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new UserError('BAD_HASH', `无效的文件摘要：${sha256}`, `Invalid file hash: ${sha256}`)
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
  }

  return {
    root,
    pathOf,
    has: (sha256: string) => existsSync(pathOf(sha256)),

    put(bytes: Uint8Array): StoredFile {
      const sha256 = sha256Hex(bytes)
      const path = pathOf(sha256)
      if (existsSync(path)) return { sha256, size: bytes.length, path, created: false }
      writeFileAtomic(path, bytes)
      return { sha256, size: bytes.length, path, created: true }
    },

    read(sha256: string): Uint8Array {
      const path = pathOf(sha256)
      if (!existsSync(path)) throw new UserError('FILE_MISSING', `存储中缺少文件 ${sha256}`, `File ${sha256} is missing from the store`)
      return readFileSync(path)
    },

    /** Re-hash a stored file: true when its bytes still match its name. */
    async verify(sha256: string): Promise<boolean> {
      const path = pathOf(sha256)
      return existsSync(path) && statSync(path).isFile() && (await sha256File(path)) === sha256
    },
  }
}

export type ContentStore = ReturnType<typeof createContentStore>

/** Write any file atomically (temp + rename): generated documents, bundles, exports. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true })
  const tmp = `${target}.tmp-${randomBytes(6).toString('hex')}`
  try {
    writeFileSync(tmp, bytes)
    renameSync(tmp, target)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
}
