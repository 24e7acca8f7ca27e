import type { Selectable } from 'kysely'
import type { EvidenceItemView, EvidenceKind } from '../../../shared/domain/evidence'
import type { Executor } from '../audit/log'
import type { EvidenceItemsTable } from '../db/schema'
import { notFound } from '../errors'

/** Evidence queries; every function takes the executor (the db or the open transaction). */
export type EvidenceRow = Selectable<EvidenceItemsTable>
type RemovalRow = { reason: string | null; removed_by: string | null }

function toView(r: EvidenceRow & RemovalRow, label: string): EvidenceItemView {
  return {
    id: r.id, caseId: r.case_id, label, no: r.no, parentId: r.parent_id, name: r.name, kind: r.kind as EvidenceKind,
    source: r.source, purpose: r.purpose, original: r.original === 1, receivedOn: r.received_on, sha256: r.sha256,
    size: r.size, mime: r.mime, pages: r.pages, fileName: r.file_name, addedBy: r.added_by, addedAt: r.added_at,
    removed: r.removed_at ? { at: r.removed_at, by: r.removed_by ?? '', reason: r.reason ?? '' } : null,
  }
}

/**
 * A case's exhibits in bundle order: each top-level exhibit by number, its sub-items right after it.
 * Labels are "1", "2", and "1-1", "1-2" for sub-items. Removed exhibits come last (label "—") when asked for.
 */
export async function listEvidence(ex: Executor, caseId: string, includeRemoved = false): Promise<EvidenceItemView[]> {
  const rows = await ex
    .selectFrom('evidence_items as e')
    .leftJoin('evidence_removals as r', 'r.evidence_id', 'e.id')
    .selectAll('e')
    .select(['r.reason', 'r.removed_by'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.no')
    .orderBy('e.added_at')
    .execute()
  const active = rows.filter((r) => !r.removed_at)
  const out: EvidenceItemView[] = []
  for (const top of active.filter((r) => !r.parent_id)) {
    out.push(toView(top, String(top.no)))
    for (const sub of active.filter((r) => r.parent_id === top.id)) out.push(toView(sub, `${top.no}-${sub.no}`))
  }
  if (includeRemoved) for (const r of rows.filter((x) => x.removed_at)) out.push(toView(r, '—'))
  return out
}

export async function getEvidenceRow(ex: Executor, id: string): Promise<EvidenceRow> {
  const row = await ex.selectFrom('evidence_items').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('证据', 'Exhibit', id)
  return row
}

/** The next free number among a case's top-level exhibits, or among one exhibit's sub-items. */
export async function nextEvidenceNo(ex: Executor, caseId: string, parentId: string | null): Promise<number> {
  let q = ex.selectFrom('evidence_items').select((eb) => eb.fn.max('no').as('n')).where('case_id', '=', caseId).where('removed_at', 'is', null)
  q = parentId ? q.where('parent_id', '=', parentId) : q.where('parent_id', 'is', null)
  const r = await q.executeTakeFirst()
  return Number(r?.n ?? 0) + 1
}

/** Renumber the active siblings 1..n in their current order (after a removal). */
export async function renumberSiblings(ex: Executor, caseId: string, parentId: string | null): Promise<void> {
  let q = ex.selectFrom('evidence_items').select('id').where('case_id', '=', caseId).where('removed_at', 'is', null)
  q = parentId ? q.where('parent_id', '=', parentId) : q.where('parent_id', 'is', null)
  const ids = await q.orderBy('no').orderBy('added_at').execute()
  for (const [i, r] of ids.entries()) await ex.updateTable('evidence_items').set({ no: i + 1 }).where('id', '=', r.id).execute()
}
