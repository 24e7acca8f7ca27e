import { join } from 'node:path'
import type { DocumentFormatCode, DocumentRecord, DocumentTypeCode } from '../../../shared/domain/documents'
import { appendAudit, type Executor } from '../audit/log'
import type { CoreContext } from '../context'
import type { DocumentsTable } from '../db/schema'
import { notFound, UserError } from '../errors'
import { sha256Hex, writeFileAtomic } from '../files/content-store'
import { buildCaseContext, recordPersonalDataUse, type CaseContext, type ClaimForLoan } from './case-context'
import type { DocumentContext } from './context'
import { generateDocument, parseContext } from './generate'
import { templateSource } from './template-store'
import { assertDocumentType, type TemplateSource } from './templates'
import { writeTransaction } from './write-tx'
import { LAYOUT_VERSION } from './layout-version'

/**
 * Generating a case's documents: fill a template from the case, render, keep the file in the content
 * store (and, for batches, in the chosen folder), and register it on the case — template id + version and
 * the snapshot of its inputs, so `regenerate` can make the same bytes again.
 */
export interface GenerateForCase {
  caseId: string
  type: string
  format: DocumentFormatCode
  asOf: string
  templateId?: string
  /** Also write the file into this folder as `{caseNo}-{type}.{ext}` (batches, the CLI). */
  outDir?: string
}

export interface GeneratedForCase {
  record: DocumentRecord
  bytes: Uint8Array
  /** Where the file was written in `outDir`, if one was given. */
  path?: string
}

/** The snapshot stored with a document: exactly what went into the renderer. */
interface Snapshot {
  type: string
  format: DocumentFormatCode
  context: DocumentContext
  /** The layout that rendered it (absent before versions were recorded: 1). */
  layout?: number
}

/** Characters no file system takes in a name. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
}

export function toRecord(r: DocumentsTable): DocumentRecord {
  return {
    id: r.id, caseId: r.case_id, docType: r.doc_type as DocumentTypeCode, format: r.format as DocumentFormatCode,
    templateId: r.template_id, templateVersion: r.template_version, sha256: r.sha256, size: r.size, fileName: r.file_name,
    asOf: r.as_of, missing: JSON.parse(r.missing_json) as string[], createdBy: r.created_by, createdAt: r.created_at,
  }
}

/** A document whose context the caller built (the case's, or e.g. one repayment plan's), to render and register. */
export interface FromContext {
  caseId: string
  type: string
  format: DocumentFormatCode
  asOf: string
  context: DocumentContext
  fileName: string
  /** Whose personal data the document prints (the use is logged). */
  borrowerId: string
  template?: TemplateSource
  outDir?: string
  /** Problems found while building the context, kept with the record. */
  missing?: string[]
  /** Written in the same transaction as the record (e.g. the plan's own audit entry). */
  also?: (ex: Executor, record: DocumentRecord) => Promise<void>
}

/** A rendered, stored document before it is registered: its row and whose personal data it prints. */
export interface RenderedDocument {
  row: DocumentsTable
  borrowerId: string
  missing: string[]
}

/**
 * Render a document from its context and keep the file in the content store (and `outDir`); the row that
 * registers it is built but not written (see `registerDocument`).
 */
export async function renderFromContext(ctx: CoreContext, input: FromContext): Promise<RenderedDocument & { bytes: Uint8Array; path?: string }> {
  const out = await generateDocument(input.type, input.context, { format: input.format, template: input.template })
  const stored = ctx.files.put(out.bytes)
  const fileName = safeFileName(input.fileName)
  let path: string | undefined
  if (input.outDir) writeFileAtomic((path = join(input.outDir, fileName)), out.bytes)
  const missing = [...new Set([...out.missing, ...(input.missing ?? [])])]
  const row: DocumentsTable = {
    id: ctx.newId(), case_id: input.caseId, doc_type: input.type, format: input.format,
    template_id: out.templateId, template_version: out.templateVersion, sha256: stored.sha256, size: stored.size, file_name: fileName,
    inputs_json: JSON.stringify({ type: input.type, format: input.format, context: input.context, layout: LAYOUT_VERSION } satisfies Snapshot),
    created_by: ctx.platform.actor, created_at: ctx.nowIso(), missing_json: JSON.stringify(missing), as_of: input.asOf,
  }
  return { row, borrowerId: input.borrowerId, missing, bytes: out.bytes, path }
}

/** Registers a rendered document on its case inside the caller's transaction: the row, its audit entry and the personal-data use. */
export async function registerDocument(ex: Executor, actor: string, d: RenderedDocument): Promise<void> {
  const { row, missing } = d
  await ex.insertInto('documents').values(row).execute()
  await appendAudit(ex, { actor, at: row.created_at, entity: 'document', entityId: row.id, action: 'generate', diff: { caseId: row.case_id, type: row.doc_type, format: row.format, template: [row.template_id, row.template_version], sha256: row.sha256, missing } })
  await recordPersonalDataUse(ex, { actor, at: row.created_at, borrowerId: d.borrowerId, purpose: `document:${row.doc_type}`, ref: row.id })
}

/**
 * Render a document from its context, keep the file in the content store (and `outDir`), and register it on
 * the case: template id + version, the inputs snapshot, SHA-256, audit entry and the personal-data use.
 */
export async function generateFromContext(ctx: CoreContext, input: FromContext): Promise<GeneratedForCase> {
  const r = await renderFromContext(ctx, input)
  await writeTransaction(ctx.db.kysely, async (ex) => {
    await registerDocument(ex, ctx.platform.actor, r)
    await input.also?.(ex, toRecord(r.row))
  })
  return { record: toRecord(r.row), bytes: r.bytes, path: r.path }
}

export function caseDocuments(ctx: CoreContext, claimForLoan: ClaimForLoan) {
  const { kysely } = ctx.db

  async function userTemplate(type: string, templateId: string): Promise<TemplateSource> {
    const t = await templateSource(kysely, templateId)
    if (t.docType !== type)
      throw new UserError('TEMPLATE_WRONG_TYPE', `模板 ${t.source.title} 不是“${type}”类型的模板`, `Template ${t.source.title} is not a "${type}" template`, { field: 'templateId' })
    return t.source
  }

  /** Render and store one document from a case's built context, without registering it. */
  function renderFromCase(built: CaseContext, input: GenerateForCase, template: TemplateSource | undefined) {
    return renderFromContext(ctx, {
      caseId: input.caseId, type: input.type, format: input.format, asOf: input.asOf, context: built.context, template, outDir: input.outDir,
      fileName: `${built.caseNo}-${input.type}.${input.format}`, borrowerId: built.borrowerId, missing: built.claimProblems.map((p) => `claim(${p.contractNo}: ${p.code})`),
    })
  }

  /** Render and store a case's document without registering it (batch workers; the job registers in groups). */
  async function render(input: GenerateForCase) {
    assertDocumentType(input.type)
    const template = input.templateId ? await userTemplate(input.type, input.templateId) : undefined
    const built = await buildCaseContext(kysely, claimForLoan, input.caseId, { asOf: input.asOf, generatedOn: ctx.today() })
    return renderFromCase(built, input, template)
  }

  return {
    render,

    async generate(input: GenerateForCase): Promise<GeneratedForCase> {
      const r = await render(input)
      await writeTransaction(kysely, (ex) => registerDocument(ex, ctx.platform.actor, r))
      return { record: toRecord(r.row), bytes: r.bytes, path: r.path }
    },

    /**
     * Several documents of one case in their built-in templates (a filing pack: 起诉状 DOCX and PDF, 证据目录,
     * 授权委托书 …) from one context — the case read and its claim computed once for the set, not once per
     * document — registered together in one transaction.
     */
    async generateSet(input: Omit<GenerateForCase, 'type' | 'format' | 'templateId'>, docs: { type: string; format: DocumentFormatCode }[]): Promise<GeneratedForCase[]> {
      for (const d of docs) assertDocumentType(d.type)
      const built = await buildCaseContext(kysely, claimForLoan, input.caseId, { asOf: input.asOf, generatedOn: ctx.today() })
      const rendered: Awaited<ReturnType<typeof renderFromContext>>[] = []
      for (const d of docs) rendered.push(await renderFromCase(built, { ...input, ...d }, undefined))
      await writeTransaction(kysely, async (ex) => {
        for (const r of rendered) await registerDocument(ex, ctx.platform.actor, r)
      })
      return rendered.map((r) => ({ record: toRecord(r.row), bytes: r.bytes, path: r.path }))
    },

    async listForCase(caseId: string): Promise<DocumentRecord[]> {
      const c = await kysely.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst()
      if (!c) throw notFound('案件', 'Case', caseId)
      const rows = await kysely.selectFrom('documents').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
      return rows.map(toRecord)
    },

    async get(id: string): Promise<{ record: DocumentRecord; bytes: Uint8Array }> {
      const r = await kysely.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
      if (!r) throw notFound('文书', 'Document', id)
      return { record: toRecord(r), bytes: ctx.files.read(r.sha256) }
    },

    /**
     * Render a stored document again from its snapshot and the template version that made it. The bytes
     * are the same as the stored file's, unless the layout has changed since (then both versions are given);
     * a file lost from the store is put back.
     */
    async regenerate(id: string): Promise<{ record: DocumentRecord; bytes: Uint8Array; identical: boolean; sha256: string; layout: { stored: number; current: number } }> {
      const r = await kysely.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
      if (!r) throw notFound('文书', 'Document', id)
      const snap = JSON.parse(r.inputs_json) as Snapshot
      const { source } = await templateSource(kysely, r.template_id, r.template_version)
      const out = await generateDocument(r.doc_type, parseContext(snap.context), { format: r.format as DocumentFormatCode, template: source })
      const sha256 = sha256Hex(out.bytes)
      if (sha256 === r.sha256 && !ctx.files.has(sha256)) ctx.files.put(out.bytes)
      return { record: toRecord(r), bytes: out.bytes, identical: sha256 === r.sha256, sha256, layout: { stored: snap.layout ?? 1, current: LAYOUT_VERSION } }
    },
  }
}
