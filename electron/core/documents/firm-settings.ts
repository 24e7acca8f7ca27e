import type { FirmSettings } from '../../../shared/domain/documents'
import { appendAudit, diffRecords, type Executor } from '../audit/log'

/** The settings key holding the firm and lawyer printed on documents. */
export const FIRM_SETTINGS_KEY = 'documents.firm'

/** The firm settings, or all blank when never set (documents then show visible blanks). */
export async function readFirmSettings(ex: Executor): Promise<FirmSettings> {
  const row = await ex.selectFrom('settings').select('value_json').where('key', '=', FIRM_SETTINGS_KEY).executeTakeFirst()
  return row ? (JSON.parse(row.value_json) as FirmSettings) : {}
}

/** Replace the firm settings (blank strings dropped), with an audit entry of what changed. */
export async function writeFirmSettings(ex: Executor, value: FirmSettings, actor: string, at: string): Promise<FirmSettings> {
  const before = await readFirmSettings(ex)
  const clean = Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as FirmSettings
  const json = JSON.stringify(clean)
  await ex.insertInto('settings').values({ key: FIRM_SETTINGS_KEY, value_json: json, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: json, updated_at: at })).execute()
  await appendAudit(ex, { actor, at, entity: 'settings', entityId: FIRM_SETTINGS_KEY, action: 'update', diff: diffRecords(before, clean) })
  return clean
}
