import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { createContentStore, sha256Hex } from '../../../electron/core/files/content-store'
import { tempDir } from '../../helpers/temp'

it('stores bytes once under their SHA-256, reads and verifies them, and notices a changed byte', async () => {
  const store = createContentStore(tempDir())
  const bytes = new TextEncoder().encode('借款合同 第一条')
  const a = store.put(bytes)
  expect(a).toMatchObject({ sha256: sha256Hex(bytes), size: bytes.length, created: true })
  expect(a.path).toBe(join(store.root, a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256))
  expect(store.put(bytes).created).toBe(false)
  expect(Buffer.from(store.read(a.sha256)).toString()).toBe('借款合同 第一条')
  expect(await store.verify(a.sha256)).toBe(true)
  // no temp files left behind
  expect(readdirSync(join(store.root, a.sha256.slice(0, 2), a.sha256.slice(2, 4)))).toEqual([a.sha256])
  writeFileSync(a.path, 'tampered')
  expect(await store.verify(a.sha256)).toBe(false)
  expect(() => store.read('../etc/passwd')).toThrow(/无效的文件摘要/)
  expect(existsSync(store.pathOf('0'.repeat(64)))).toBe(false)
})
