import { join } from 'node:path'
import { createCore, openDb, type Core } from '../../electron/core/services'
import { tempDir } from './temp'

export const TEST_NOW = new Date('2026-11-28T04:00:00Z') // 12:00 in Beijing

/** A core over a fresh file DB (WAL), with the clock pinned, exactly as the doors build it. */
export async function makeCore(now: Date = TEST_NOW): Promise<Core & { dataDir: string; close(): Promise<void> }> {
  const dataDir = tempDir()
  const db = await openDb(join(dataDir, 'casedesk.db'))
  const core = createCore(db, { dataDir, resourcesDir: join(process.cwd(), 'resources'), version: 'test', actor: 'tester', now: () => now })
  return { ...core, dataDir, close: () => db.close() }
}

/** Call a channel and return its data, failing the test with the error if the call failed. */
export async function call<T = any>(core: Core, channel: string, input?: unknown): Promise<T> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`)
  return r.data as T
}
