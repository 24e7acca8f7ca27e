import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Executor } from '../audit/log'
import { appendAudit } from '../audit/log'
import { parseLprTable, type LprTable } from './lpr'

/**
 * Where the LPR table comes from: the checked table shipped in resources/data/lpr.json, or a newer one the
 * user imported (kept in settings, validated on the way in), whichever runs later. A user can so follow new
 * monthly quotes without a new release.
 */
const SETTING = 'lpr_table'

export function shippedLprTable(resourcesDir: string): LprTable {
  return parseLprTable(JSON.parse(readFileSync(join(resourcesDir, 'data', 'lpr.json'), 'utf8')))
}

export async function importedLprTable(ex: Executor): Promise<LprTable | null> {
  const row = await ex.selectFrom('settings').select('value_json').where('key', '=', SETTING).executeTakeFirst()
  return row ? parseLprTable(JSON.parse(row.value_json)) : null
}

/** The table in force: the imported one when its last quote is newer than the shipped one's. */
export function newerTable(shipped: LprTable, imported: LprTable | null): LprTable {
  if (!imported) return shipped
  return imported.rows.at(-1)!.effective > shipped.rows.at(-1)!.effective ? imported : shipped
}

/** Validate and store a user-supplied table (throws LPR_TABLE_INVALID with the field on bad data). */
export async function saveImportedLprTable(ex: Executor, json: unknown, actor: string, at: string): Promise<LprTable> {
  const table = parseLprTable(json)
  const value = JSON.stringify(table)
  await ex.insertInto('settings').values({ key: SETTING, value_json: value, updated_at: at }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json: value, updated_at: at })).execute()
  await appendAudit(ex, { actor, at, entity: 'settings', entityId: SETTING, action: 'import', diff: { rows: table.rows.length, last: table.rows.at(-1)!.effective } })
  return table
}
