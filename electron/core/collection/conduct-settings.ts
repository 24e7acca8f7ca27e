import type { ConductRulesView, ReductionLimitRow } from '../../../shared/domain/collection-facts'
import { appendAudit } from '../audit/log'
import type { CoreContext } from '../context'
import { parseConductRules } from './conduct-rules'
import { DEFAULT_REDUCTION_PERCENT, reductionLimits } from './plans'
import { CONDUCT_RULES_KEY, type RuleSources } from './rules-source'

/**
 * The settings page's side of the collection rules: the conduct rules the guard applies (the shipped defaults
 * until the firm edits them; every edit validated in full and audited) and each lender's reduction limit.
 */
export function conductSettings(ctx: CoreContext, sources: RuleSources) {
  const { kysely } = ctx.db
  const view = async (): Promise<ConductRulesView> => {
    const row = await kysely.selectFrom('settings').select(['updated_at']).where('key', '=', CONDUCT_RULES_KEY).executeTakeFirst()
    return { rules: sources.conduct() as unknown as ConductRulesView['rules'], edited: !!row, updatedAt: row?.updated_at ?? null }
  }
  return {
    get: view,
    /** Replace the rules (validated whole: a wrong field is named, nothing stored); `null` goes back to the shipped defaults. */
    async set(rules: unknown | null): Promise<ConductRulesView> {
      const parsed = rules === null ? null : parseConductRules(rules)
      await kysely.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('settings').select('value_json').where('key', '=', CONDUCT_RULES_KEY).executeTakeFirst()
        const now = ctx.nowIso()
        if (parsed === null) await trx.deleteFrom('settings').where('key', '=', CONDUCT_RULES_KEY).execute()
        else {
          const value_json = JSON.stringify(parsed)
          await trx.insertInto('settings').values({ key: CONDUCT_RULES_KEY, value_json, updated_at: now }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now })).execute()
        }
        await appendAudit(trx, { actor: ctx.platform.actor, at: now, entity: 'settings', entityId: CONDUCT_RULES_KEY, action: parsed ? 'update' : 'reset', diff: { before: before ? JSON.parse(before.value_json) : null, after: parsed } })
      })
      return view()
    },
    /** Every lender with the share of interest, penalty and fees a lawyer may waive without further approval. */
    async reductionLimits(): Promise<ReductionLimitRow[]> {
      const limits = await reductionLimits(kysely)
      const lenders = await kysely.selectFrom('lenders').select(['id', 'name']).orderBy('name').execute()
      return lenders.map((l) => ({ lenderId: l.id, lenderName: l.name, maxPercent: limits[l.id] ?? DEFAULT_REDUCTION_PERCENT, isDefault: limits[l.id] === undefined }))
    },
  }
}
