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

/** A snapshot of some tables, row for row, to prove a refused call changed nothing. */
export function tableSnapshot(core: Core, tables: readonly string[]): Record<string, unknown[]> {
  return Object.fromEntries(tables.map((t) => [t, core.ctx.db.raw.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]))
}

/**
 * Call a channel that must refuse: the code (and field, when given) is checked, the message is in Chinese and
 * English, and the listed tables are exactly as before. Returns the error for further checks.
 */
export async function expectRefused(core: Core, tables: readonly string[], channel: string, input: unknown, code: string, field?: string) {
  const before = tableSnapshot(core, tables)
  const r = await core.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} ${JSON.stringify(input)} should fail with ${code}`)
  if (r.error.code !== code) throw new Error(`${channel}: expected ${code}, got ${r.error.code} ${r.error.message}`)
  if (!/[\u4e00-\u9fff]/.test(r.error.message) || !/[a-z]/i.test(r.error.messageEn)) throw new Error(`${channel}: the message is not bilingual`)
  if (field !== undefined && r.error.field !== field) throw new Error(`${channel}: expected field ${field}, got ${r.error.field}`)
  const after = tableSnapshot(core, tables)
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`${channel}: a refused call changed the store`)
  return r.error
}
