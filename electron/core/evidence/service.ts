import { existsSync } from 'node:fs'
import type { BundleResult, EvidenceAddResult, EvidenceGap, EvidenceItemView, EvidenceThumbnail, IntegrityProblem, IntegrityReport } from '../../../shared/domain/evidence'
import type { CoreContext } from '../context'
import { notFound } from '../errors'
import { sha256File } from '../files/content-store'
import type { BundleRequest } from './bundle/build'
import { verifyBundle } from './bundle/verify-bundle'
import { arrangeEvidence, removeEvidence, updateEvidence, type ArrangeEntry, type EvidencePatch } from './edit'
import { evidenceGaps } from './gaps'
import { addEvidenceFiles, type EvidenceMeta, type IncomingFile } from './intake'
import { listEvidence } from './repo'

/**
 * Evidence of a case: intake into the content store with SHA-256 at the door, the exhibit list (edit,
 * reorder, group, remove with a reason), what the stage still lacks, the court bundle and integrity checks
 * of the case's own files and of a received bundle.
 */
export function evidenceService(ctx: CoreContext) {
  const db = ctx.db.kysely
  const assertCase = async (caseId: string) => {
    if (!(await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
  }
  const itemOf = async (id: string): Promise<EvidenceItemView> => {
    const row = await db.selectFrom('evidence_items').select('case_id').where('id', '=', id).executeTakeFirst()
    if (!row) throw notFound('证据', 'Exhibit', id)
    return (await listEvidence(db, row.case_id, true)).find((v) => v.id === id)!
  }
  return {
    async list(caseId: string, includeRemoved = false): Promise<EvidenceItemView[]> {
      await assertCase(caseId)
      return listEvidence(db, caseId, includeRemoved)
    },
    /** Files from the app (bytes) or the CLI (paths). */
    add: (meta: EvidenceMeta, files: IncomingFile[]): Promise<EvidenceAddResult> => addEvidenceFiles(ctx, meta, files),
    update: (id: string, patch: EvidencePatch) => updateEvidence(ctx, id, patch),
    async arrange(caseId: string, order: ArrangeEntry[]) {
      await assertCase(caseId)
      return arrangeEvidence(ctx, caseId, order)
    },
    remove: (id: string, reason: string) => removeEvidence(ctx, id, reason),
    gaps: (caseId: string): Promise<EvidenceGap[]> => evidenceGaps(db, caseId),
    /** The stored bytes of one exhibit (for a preview or a download). */
    async file(id: string): Promise<{ item: EvidenceItemView; bytes: Uint8Array }> {
      const item = await itemOf(id)
      return { item, bytes: ctx.files.read(item.sha256) }
    },
    /** What the list shows for an exhibit: its first page as a one-page PDF, or a (scaled) image. Cut and cached on first use. */
    async thumbnail(id: string): Promise<EvidenceThumbnail> {
      const item = await itemOf(id)
      return (await import('./thumbs/thumbnail')).evidenceThumbnail(ctx, item)
    },
    /** The thumbnail when it is light work (cached, an image, a small PDF); null when it should be made in a worker. */
    async lightThumbnail(id: string): Promise<EvidenceThumbnail | null> {
      const item = await itemOf(id)
      return (await import('./thumbs/thumbnail')).lightThumbnail(ctx, item)
    },
    /** Re-hashes every file the case ever took in (removed exhibits too: they are kept). */
    async verify(caseId: string): Promise<IntegrityReport> {
      const items = await this.list(caseId, true)
      const problems: IntegrityProblem[] = []
      for (const v of items) {
        const file = `证据${v.label} ${v.name} (${v.fileName})`
        const path = ctx.files.pathOf(v.sha256)
        if (!existsSync(path)) {
          problems.push({ file, expected: v.sha256, actual: null, code: 'missing' })
          continue
        }
        const actual = await sha256File(path)
        if (actual !== v.sha256) problems.push({ file, expected: v.sha256, actual, code: 'hash_mismatch' })
      }
      return { ok: problems.length === 0, problems, checked: items.length }
    },
    /** The builder (pdf-lib, the documents renderer, the font) loads on first use, not when the app or CLI starts. */
    bundle: async (req: BundleRequest): Promise<BundleResult> => (await import('./bundle/build')).buildCaseBundle(ctx, req),
    /** The bundles built for a case, newest first. */
    async bundles(caseId: string) {
      await assertCase(caseId)
      const rows = await db.selectFrom('evidence_bundles').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute()
      return rows.map((r) => ({ id: r.id, zip: r.zip_path, pdf: r.pdf_path, zipSha256: r.zip_sha256, pdfSha256: r.pdf_sha256, pages: r.pages, exhibits: r.exhibits, batesPrefix: r.bates_prefix, createdAt: r.created_at, createdBy: r.created_by }))
    },
    /** Checks a received bundle (ZIP or unpacked folder) against its own SHA256SUMS and manifest. */
    verifyBundle: (path: string): IntegrityReport => verifyBundle(path),
  }
}

export type EvidenceService = ReturnType<typeof evidenceService>
