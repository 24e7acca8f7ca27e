import { UserError } from '../errors'
import { documentContextSchema, type DocumentContext } from './context'
import { COURT_MARGINS_MM, type DocumentModel } from './model'
import { contextFields, type FieldScope } from './template/fields'
import { fillTemplate } from './template/fill'
import { markupToBlocks } from './template/markup'
import type { ParsedTemplate } from './template/ast'
import { parseTemplate } from './template/parse'
import { assertDocumentType, builtinTemplate, type CompiledTemplate, type DocumentType, type TemplateSource } from './templates'

export type DocumentFormat = 'docx' | 'pdf'

export interface GenerateOptions {
  format: DocumentFormat
  /** A user's template (from the DB); the built-in one for the type when absent. */
  template?: TemplateSource
}

export interface GeneratedDocument {
  bytes: Uint8Array
  /** Fields the template needed but the context lacked; each printed as a visible blank. */
  missing: string[]
  templateId: string
  templateVersion: number
}

/**
 * Letters go to the borrower alone (collection rules forbid telling third parties about the debt), so
 * their templates cannot even name a guarantor: such a placeholder is rejected like an unknown field.
 */
const BORROWER_ONLY: readonly DocumentType[] = ['demand-letter', 'lawyer-letter']

/** The fields a template of this type may use. */
export function fieldsForType(type: DocumentType): FieldScope {
  if (!BORROWER_ONLY.includes(type)) return contextFields()
  const scope = new Map(contextFields())
  scope.delete('guarantors')
  return scope
}

/** Parsed user templates by type and body: a batch parses its template once, not once per letter. */
const parsedTemplates = new Map<string, ParsedTemplate>()
const PARSED_TEMPLATES_KEPT = 32

/** Checks a user's template for a type; throws a UserError naming the line when it is broken. */
export function compileTemplateFor(type: DocumentType, source: TemplateSource): CompiledTemplate {
  const key = `${type}\0${source.body}`
  let parsed = parsedTemplates.get(key)
  if (!parsed) {
    parsed = parseTemplate(source.body, { fields: fieldsForType(type) })
    if (parsedTemplates.size >= PARSED_TEMPLATES_KEPT) parsedTemplates.clear()
    parsedTemplates.set(key, parsed)
  }
  return { source, parsed }
}

/** Validates a context (e.g. a stored snapshot); throws DOCUMENT_BAD_CONTEXT listing what is malformed. */
export function parseContext(input: unknown): DocumentContext {
  const r = documentContextSchema.safeParse(input)
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new UserError('DOCUMENT_BAD_CONTEXT', `文书数据格式有误：${issues.join('；')}`, `Malformed document data: ${issues.join('; ')}`, { details: { issues } })
  }
  return r.data
}

/**
 * Fills a template with a context and turns it into the document model both renderers read. Exposed
 * separately for the live preview and for tests.
 */
export function buildDocumentModel(type: string, context: DocumentContext, template?: TemplateSource): { model: DocumentModel; missing: string[]; template: CompiledTemplate } {
  assertDocumentType(type)
  const ctx = parseContext(context)
  const compiled = template ? compileTemplateFor(type, template) : builtinTemplate(type)
  const filled = fillTemplate(compiled.parsed, ctx)
  const { blocks, header } = markupToBlocks(filled.text)
  const model: DocumentModel = {
    meta: { title: compiled.source.title, date: ctx.generatedOn, subject: ctx.case?.caseNo, author: ctx.lawyer?.firm ?? ctx.lender?.name },
    margins: COURT_MARGINS_MM,
    header,
    pageNumbers: compiled.source.pageNumbers !== false,
    blocks,
  }
  return { model, missing: filled.missing, template: compiled }
}

/**
 * Generates one document: the type's template (or `template`) filled from `context`, rendered to DOCX
 * or PDF. The same type, context and template give byte-identical output, so a document can be
 * regenerated from its stored snapshot.
 * @throws UserError DOCUMENT_UNKNOWN_TYPE, DOCUMENT_BAD_CONTEXT, TEMPLATE_* (a broken user template)
 */
export async function generateDocument(type: string, context: DocumentContext, opts: GenerateOptions): Promise<GeneratedDocument> {
  const { model, missing, template } = buildDocumentModel(type, context, opts.template)
  // The renderers (pdf-lib, fontkit, docx) load on first use, so opening the app or the CLI does not pay for them.
  const bytes = opts.format === 'pdf' ? await (await import('./render-pdf/index')).renderPdf(model) : await (await import('./render-docx')).renderDocx(model)
  return { bytes, missing, templateId: template.source.id, templateVersion: template.source.version }
}
