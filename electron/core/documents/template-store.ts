import type { TemplateSummary, TemplateView } from '../../../shared/domain/documents'
import { appendAudit, type Executor } from '../audit/log'
import type { TemplatesTable } from '../db/schema'
import { notFound, UserError } from '../errors'
import { compileTemplateFor, fieldsForType } from './generate'
import { listFieldPaths } from './template/fields'
import { assertDocumentType, builtinTemplate, DOCUMENT_TYPES, type DocumentType, type TemplateSource } from './templates'

/**
 * Templates in the store: the built-ins (seeded from resources/templates/ at first use, and brought up to
 * the shipped version when the app updates) and users' copies. Every saved version's text is kept in
 * `template_versions`, so a document can always be regenerated from the version that made it.
 */
const BUILTIN_ACTOR = 'casedesk'

function summary(r: TemplatesTable): TemplateSummary {
  return { id: r.id, docType: r.doc_type as DocumentType, name: r.name, version: r.version, builtin: r.builtin === 1, basedOn: r.based_on, updatedAt: r.updated_at }
}

/** Seed or update the built-in rows to the shipped files' versions. Cheap when nothing changed. */
export async function syncBuiltinTemplates(ex: Executor, at: string): Promise<void> {
  const rows = await ex.selectFrom('templates').select(['id', 'version']).where('builtin', '=', 1).execute()
  const have = new Map(rows.map((r) => [r.id, r.version]))
  for (const type of DOCUMENT_TYPES) {
    const { source } = builtinTemplate(type)
    const current = have.get(source.id)
    if (current !== undefined && current >= source.version) continue
    const row = { doc_type: type, name: source.title, version: source.version, body: source.body, builtin: 1, page_numbers: source.pageNumbers === false ? 0 : 1, updated_at: at }
    if (current === undefined) await ex.insertInto('templates').values({ id: source.id, ...row, created_at: at, based_on: null }).execute()
    else await ex.updateTable('templates').set(row).where('id', '=', source.id).execute()
    await ex.insertInto('template_versions').values({ template_id: source.id, version: source.version, name: source.title, body: source.body, page_numbers: row.page_numbers, created_by: BUILTIN_ACTOR, created_at: at })
      .onConflict((oc) => oc.doNothing()).execute()
    await appendAudit(ex, { actor: BUILTIN_ACTOR, at, entity: 'template', entityId: source.id, action: current === undefined ? 'seed' : 'upgrade', diff: { version: [current ?? null, source.version] } })
  }
}

export async function listTemplates(ex: Executor, docType?: string): Promise<TemplateSummary[]> {
  let q = ex.selectFrom('templates').selectAll()
  if (docType) q = q.where('doc_type', '=', docType)
  const rows = await q.orderBy('doc_type').orderBy('builtin', 'desc').orderBy('name').execute()
  return rows.map(summary)
}

async function row(ex: Executor, id: string): Promise<TemplatesTable> {
  const r = await ex.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst()
  if (!r) throw notFound('模板', 'Template', id)
  return r
}

/** A template with its text (the current version, or an older one by number). */
export async function getTemplate(ex: Executor, id: string, version?: number): Promise<TemplateView> {
  const r = await row(ex, id)
  let body = r.body
  let name = r.name
  let pageNumbers = r.page_numbers === 1
  if (version !== undefined && version !== r.version) {
    const v = await ex.selectFrom('template_versions').selectAll().where('template_id', '=', id).where('version', '=', version).executeTakeFirst()
    if (!v) throw notFound('模板版本', 'Template version', `${id} v${version}`)
    ;({ body, name } = v)
    pageNumbers = v.page_numbers === 1
  }
  const type = r.doc_type as DocumentType
  return { ...summary(r), name, version: version ?? r.version, body, pageNumbers, fields: listFieldPaths(fieldsForType(type)) }
}

/** The exact source of a template version, for generating or regenerating. */
export async function templateSource(ex: Executor, id: string, version?: number): Promise<{ source: TemplateSource; docType: DocumentType }> {
  const t = await getTemplate(ex, id, version)
  return { docType: t.docType, source: { id: t.id, version: t.version, title: t.name, body: t.body, pageNumbers: t.pageNumbers } }
}

/** A user's copy of a template (usually a built-in), at version 1, which they can then edit. */
export async function copyTemplate(ex: Executor, input: { id: string; name?: string; newId: string; actor: string; at: string }): Promise<TemplateView> {
  const src = await row(ex, input.id)
  const name = input.name ?? `${src.name}（副本）`
  await ex.insertInto('templates').values({ id: input.newId, doc_type: src.doc_type, name, version: 1, body: src.body, builtin: 0, page_numbers: src.page_numbers, based_on: src.id, created_at: input.at, updated_at: input.at }).execute()
  await ex.insertInto('template_versions').values({ template_id: input.newId, version: 1, name, body: src.body, page_numbers: src.page_numbers, created_by: input.actor, created_at: input.at }).execute()
  await appendAudit(ex, { actor: input.actor, at: input.at, entity: 'template', entityId: input.newId, action: 'copy', diff: { from: [src.id, src.version], name } })
  return getTemplate(ex, input.newId)
}

/**
 * Save a user's template: the text is checked first (an unknown placeholder or an unclosed block is refused
 * with its line), then the version goes up by one. Built-ins cannot be edited — copy them.
 */
export async function saveTemplate(ex: Executor, input: { id: string; body: string; name?: string; pageNumbers?: boolean; actor: string; at: string }): Promise<TemplateView> {
  const r = await row(ex, input.id)
  if (r.builtin === 1)
    throw new UserError('TEMPLATE_BUILTIN_READONLY', '内置模板不能修改，请先复制一份再编辑', 'Built-in templates cannot be edited; copy it first', { field: 'id' })
  const type = r.doc_type
  assertDocumentType(type)
  const name = input.name ?? r.name
  const pageNumbers = input.pageNumbers ?? r.page_numbers === 1
  compileTemplateFor(type, { id: r.id, version: r.version + 1, title: name, body: input.body, pageNumbers })
  if (input.body === r.body && name === r.name && pageNumbers === (r.page_numbers === 1)) return getTemplate(ex, r.id)
  const version = r.version + 1
  const pn = pageNumbers ? 1 : 0
  await ex.updateTable('templates').set({ body: input.body, name, version, page_numbers: pn, updated_at: input.at }).where('id', '=', r.id).execute()
  await ex.insertInto('template_versions').values({ template_id: r.id, version, name, body: input.body, page_numbers: pn, created_by: input.actor, created_at: input.at }).execute()
  await appendAudit(ex, { actor: input.actor, at: input.at, entity: 'template', entityId: r.id, action: 'update', diff: { version: [r.version, version], ...(name !== r.name && { name: [r.name, name] }), bodyChanged: input.body !== r.body } })
  return getTemplate(ex, r.id)
}
