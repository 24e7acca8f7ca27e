import { extname, join, resolve } from 'node:path'
import { EVIDENCE_KIND_LABELS, type BundleResult, type EvidenceItemView } from '../../../../shared/domain/evidence'
import { appendAudit } from '../../audit/log'
import type { CoreContext } from '../../context'
import type { DocumentContext } from '../../documents/context'
import { writeTransaction } from '../../documents/write-tx'
import { notFound, UserError } from '../../errors'
import { listEvidence } from '../repo'
import { buildBundlePdf, type BundleSource } from './build-pdf'
import { DOCX_MIME } from '../file-check'
import { docxToPdf } from './docx-to-pdf'
import { writeBundleZip } from './export-zip'
import { scanBytes, type ScannedEntry } from './zip-writer'
import { safeNamePart } from './zip-names'

/** What a bundle build is asked for. */
export interface BundleRequest {
  caseId: string
  /** The ZIP to write; the PDF goes beside it with the same name. Default: <dataDir>/exports/bundles/. */
  out?: string
  batesPrefix?: string
  onProgress?(done: number, total: number, current: string): void
}

const EXT: Record<string, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png', [DOCX_MIME]: '.docx' }

/** The case facts the cover and index print. */
async function bundleCase(ctx: CoreContext, caseId: string) {
  const c = await ctx.db.kysely
    .selectFrom('cases as c')
    .innerJoin('lenders as l', 'l.id', 'c.lender_id')
    .innerJoin('borrowers as b', 'b.id', 'c.borrower_id')
    .select(['c.id', 'c.case_no', 'c.court_case_no', 'c.court', 'l.name as lender', 'l.regime', 'b.name as borrower'])
    .where('c.id', '=', caseId)
    .executeTakeFirst()
  if (!c) throw notFound('案件', 'Case', caseId)
  return c
}

function originalEntry(v: EvidenceItemView): string {
  const ext = extname(v.fileName).toLowerCase() || EXT[v.mime] || ''
  return `originals/证据${v.label}-${safeNamePart(v.name, 80)}${safeNamePart(ext, 10) === '_' ? '' : ext}`
}

/**
 * Builds a case's bundle from its active exhibits and writes the ZIP (and the PDF beside it); records the
 * bundle and an audit entry. Throws before writing anything when the case has no exhibits or one cannot go in.
 */
export async function buildCaseBundle(ctx: CoreContext, req: BundleRequest): Promise<BundleResult> {
  const kase = await bundleCase(ctx, req.caseId)
  const items = await listEvidence(ctx.db.kysely, req.caseId)
  if (items.length === 0) throw new UserError('EVIDENCE_NONE', '本案还没有证据，无法生成证据材料', 'This case has no exhibits yet, so there is no bundle to build', { field: 'caseId' })
  const caseNo = kase.court_case_no ?? kase.case_no
  const cacheDir = join(ctx.platform.dataDir, 'cache', 'docx-pdf')
  const originals = items.map((v) => ({ view: v, path: ctx.files.pathOf(v.sha256), entry: originalEntry(v), scan: undefined as ScannedEntry | undefined }))
  // Bytes are read only when the builder reaches each exhibit (one at a time); DOCX goes through LibreOffice first.
  // Their CRC-32 and SHA-256 for the ZIP are taken then, so the ZIP writer need not read every original twice.
  const sources: BundleSource[] = originals.map((o) => {
    const v = o.view
    const read = () => {
      const bytes = ctx.files.read(v.sha256)
      o.scan = scanBytes(bytes)
      return bytes
    }
    return {
      label: v.label, name: v.name, source: v.source, purpose: v.purpose, original: v.original, isSubItem: v.parentId !== null,
      mime: v.mime === DOCX_MIME ? 'application/pdf' : v.mime,
      pages: v.mime === DOCX_MIME ? null : v.pages,
      bytes: () => (v.mime === DOCX_MIME ? docxToPdf(read(), v.label, v.name, cacheDir) : read()),
    }
  })
  const today = ctx.today()
  const context: DocumentContext = {
    generatedOn: today,
    case: { caseNo, court: kase.court ?? undefined },
    lender: { name: kase.lender, licensed: kase.regime === 'licensed' },
    borrower: { name: kase.borrower },
  }
  const built = await buildBundlePdf(sources, { caseNo, batesPrefix: req.batesPrefix, context, onProgress: req.onProgress })
  const stamp = ctx.nowIso().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
  const zipPath = resolve(req.out ?? join(ctx.platform.dataDir, 'exports', 'bundles', `${safeNamePart(kase.case_no)}-证据材料-${stamp}.zip`))
  const pdfPath = zipPath.replace(/(\.zip)?$/i, '.pdf')
  const pdfEntry = `${safeNamePart(caseNo)}-证据材料.pdf`
  const generatedAt = ctx.nowIso()
  const written = await writeBundleZip({
    zipPath, pdfPath, pdfEntry, pdfBytes: built.bytes, mtime: ctx.platform.now(),
    originals: originals.map((o) => ({ entry: o.entry, path: o.path, sha256: o.view.sha256, label: `证据${o.view.label} ${o.view.name}`, scan: o.scan })),
    manifest: (hashes) => ({
      format: 'casedesk-evidence-bundle/1',
      generatedAt,
      casedeskVersion: ctx.platform.version,
      case: { id: kase.id, caseNo: kase.case_no, courtCaseNo: kase.court_case_no, court: kase.court, plaintiff: kase.lender, defendant: kase.borrower },
      batesPrefix: req.batesPrefix ?? null,
      bundle: { file: pdfEntry, size: built.bytes.length, sha256: hashes[pdfEntry], pages: built.pages, indexPages: built.indexPages },
      exhibits: originals.map(({ view: v, entry }, i) => ({
        no: v.label, name: v.name, kind: v.kind, kindLabel: EVIDENCE_KIND_LABELS[v.kind].zh, source: v.source, purpose: v.purpose,
        original: v.original, receivedOn: v.receivedOn, addedBy: v.addedBy, addedAt: v.addedAt,
        fileName: v.fileName, file: entry, mime: v.mime, size: v.size, sha256: hashes[entry],
        firstPage: built.ranges[i].firstPage, lastPage: built.ranges[i].lastPage,
      })),
    }),
  })
  const result: BundleResult = {
    zip: zipPath, pdf: pdfPath, pages: built.pages, indexPages: built.indexPages, pdfSha256: written.pdfSha256, zipSha256: written.zipSha256,
    exhibits: items.map((v, i) => ({ no: v.label, name: v.name, firstPage: built.ranges[i].firstPage, lastPage: built.ranges[i].lastPage, sha256: v.sha256 })),
  }
  // BEGIN IMMEDIATE: filing packs register bundles from two workers at once (see write-tx.ts).
  await writeTransaction(ctx.db.kysely, async (trx) => {
    const id = ctx.newId()
    await trx.insertInto('evidence_bundles').values({
      id, case_id: req.caseId, zip_path: zipPath, pdf_path: pdfPath, zip_sha256: written.zipSha256, pdf_sha256: written.pdfSha256,
      pages: built.pages, exhibits: items.length, bates_prefix: req.batesPrefix ?? null, created_by: ctx.platform.actor, created_at: generatedAt,
    }).execute()
    await appendAudit(trx, { actor: ctx.platform.actor, at: generatedAt, entity: 'case', entityId: req.caseId, action: 'evidence.bundle', diff: { bundleId: id, zip: zipPath, zipSha256: written.zipSha256, pdfSha256: written.pdfSha256, pages: built.pages, exhibits: items.length } })
  })
  return result
}
