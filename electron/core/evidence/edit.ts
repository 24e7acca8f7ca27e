import type { EvidenceItemView, EvidenceKind } from '../../../shared/domain/evidence'
import { appendAudit, diffRecords } from '../audit/log'
import type { CoreContext } from '../context'
import { UserError } from '../errors'
import { getEvidenceRow, listEvidence, renumberSiblings } from './repo'

/** The fields of an exhibit that may be edited after intake (the file itself never changes). */
export interface EvidencePatch {
  name?: string
  kind?: EvidenceKind
  source?: string | null
  purpose?: string | null
  original?: boolean
  receivedOn?: string | null
}

/** One exhibit's place in a new arrangement: listed in order; a sub-item names its exhibit. */
export interface ArrangeEntry {
  id: string
  parentId: string | null
}

const activeView = async (ctx: CoreContext, caseId: string, id: string) => (await listEvidence(ctx.db.kysely, caseId)).find((v) => v.id === id)!

function assertActive(row: { removed_at: string | null }): void {
  if (row.removed_at) throw new UserError('EVIDENCE_REMOVED', '该证据已移除，不能再修改', 'This exhibit was removed and can no longer be changed')
}

/** Rename or re-describe an exhibit; the audit entry records every changed field. */
export async function updateEvidence(ctx: CoreContext, id: string, patch: EvidencePatch): Promise<EvidenceItemView> {
  const caseId = await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await getEvidenceRow(trx, id)
    assertActive(before)
    const set = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.source !== undefined && { source: patch.source }),
      ...(patch.purpose !== undefined && { purpose: patch.purpose }),
      ...(patch.original !== undefined && { original: patch.original ? 1 : 0 }),
      ...(patch.receivedOn !== undefined && { received_on: patch.receivedOn }),
    }
    const diff = diffRecords(before, { ...before, ...set })
    if (Object.keys(diff).length === 0) return before.case_id
    await trx.updateTable('evidence_items').set(set).where('id', '=', id).execute()
    await appendAudit(trx, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'evidence', entityId: id, action: 'update', diff })
    return before.case_id
  })
  return activeView(ctx, caseId, id)
}

/**
 * Reorders and groups a case's exhibits in one step: `order` lists every active exhibit once, in the new
 * order; an entry with `parentId` becomes a sub-item of that (top-level) exhibit. Numbers follow the order.
 */
export async function arrangeEvidence(ctx: CoreContext, caseId: string, order: ArrangeEntry[]): Promise<EvidenceItemView[]> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await listEvidence(trx, caseId)
    const ids = new Set(before.map((v) => v.id))
    const given = new Set(order.map((o) => o.id))
    const missing = [...ids].filter((x) => !given.has(x))
    const unknown = [...given].filter((x) => !ids.has(x))
    if (given.size !== order.length || missing.length || unknown.length) {
      throw new UserError('EVIDENCE_BAD_ORDER', '排序须恰好列出本案每一项未移除的证据各一次', 'The order must list every active exhibit of the case exactly once', { field: 'order', details: { missing, unknown } })
    }
    const tops = new Set(order.filter((o) => !o.parentId).map((o) => o.id))
    const badParent = order.find((o) => o.parentId && (!tops.has(o.parentId) || o.parentId === o.id))
    if (badParent) throw new UserError('EVIDENCE_BAD_PARENT', '子项只能归入一项顶层证据（只分一级）', 'A sub-item must belong to a top-level exhibit (one level only)', { field: 'order', details: { id: badParent.id } })
    let top = 0
    const subs = new Map<string, number>()
    for (const o of order) {
      const no = o.parentId ? (subs.set(o.parentId, (subs.get(o.parentId) ?? 0) + 1), subs.get(o.parentId)!) : ++top
      await trx.updateTable('evidence_items').set({ no, parent_id: o.parentId }).where('id', '=', o.id).execute()
    }
    const after = await listEvidence(trx, caseId)
    const labels = (vs: EvidenceItemView[]) => vs.map((v) => `${v.label} ${v.name}`)
    if (JSON.stringify(labels(before)) !== JSON.stringify(labels(after))) {
      await appendAudit(trx, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'case', entityId: caseId, action: 'evidence.arrange', diff: { order: [labels(before), labels(after)] } })
    }
  })
  return listEvidence(ctx.db.kysely, caseId)
}

/**
 * Takes an exhibit out of the case's list. Nothing is erased: the record, its file and the reason stay,
 * with an audit entry; the remaining exhibits are renumbered. An exhibit with sub-items must be emptied first.
 */
export async function removeEvidence(ctx: CoreContext, id: string, reason: string): Promise<EvidenceItemView[]> {
  const caseId = await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await getEvidenceRow(trx, id)
    assertActive(row)
    const child = await trx.selectFrom('evidence_items').select('id').where('parent_id', '=', id).where('removed_at', 'is', null).executeTakeFirst()
    if (child) throw new UserError('EVIDENCE_HAS_SUB_ITEMS', '该证据下还有子项，请先移除或移出子项', 'This exhibit still has sub-items; remove or move them first', { field: 'id' })
    const at = ctx.nowIso()
    await trx.updateTable('evidence_items').set({ removed_at: at }).where('id', '=', id).execute()
    await trx.insertInto('evidence_removals').values({ evidence_id: id, reason, removed_by: ctx.platform.actor, removed_at: at }).execute()
    await renumberSiblings(trx, row.case_id, row.parent_id)
    await appendAudit(trx, { actor: ctx.platform.actor, at, entity: 'evidence', entityId: id, action: 'remove', diff: { caseId: row.case_id, name: row.name, no: row.no, sha256: row.sha256, reason } })
    return row.case_id
  })
  return listEvidence(ctx.db.kysely, caseId)
}
