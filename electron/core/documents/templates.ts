import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../errors'
import { resourcesDir } from './resources'
import type { ParsedTemplate } from './template/ast'
import { parseTemplate } from './template/parse'

/** The ten document types CaseDesk generates. */
export const DOCUMENT_TYPES = [
  'demand-letter',
  'lawyer-letter',
  'repayment-agreement',
  'settlement-agreement',
  'complaint',
  'payment-order',
  'preservation',
  'evidence-list',
  'power-of-attorney',
  'service-address',
] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

/**
 * A template as stored (built-in file or a user's copy in the DB): identity, version and the body text
 * in the template language + markup. `pageNumbers` defaults to true.
 */
export interface TemplateSource {
  id: string
  version: number
  title: string
  body: string
  pageNumbers?: boolean
}

/** A template checked and ready to fill. */
export interface CompiledTemplate {
  source: TemplateSource
  parsed: ParsedTemplate
}

/**
 * Reads a template file: a front matter block (`---` lines with `key: value`: id, version, title,
 * pageNumbers) followed by the body. Line numbers in errors count from the top of the file.
 */
export function parseTemplateFile(text: string): CompiledTemplate {
  const lines = text.split(/\r?\n/)
  if (lines[0]?.trim() !== '---') throw frontMatterError(1, '缺少开头的“---”', 'missing the opening "---"')
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
  if (end < 0) throw frontMatterError(1, '前置信息没有结束的“---”', 'front matter has no closing "---"')
  const meta: Record<string, string> = {}
  for (let i = 1; i < end; i++) {
    const m = /^\s*(\w+)\s*:\s*(.*?)\s*$/.exec(lines[i])
    if (!m) throw frontMatterError(i + 1, '应为“键: 值”', 'expected "key: value"')
    meta[m[1]] = m[2]
  }
  const version = Number(meta.version)
  if (!meta.id || !meta.title || !Number.isInteger(version) || version < 1) {
    throw frontMatterError(1, '前置信息须有 id、title 和正整数 version', 'front matter needs id, title and a positive integer version')
  }
  const source: TemplateSource = {
    id: meta.id,
    version,
    title: meta.title,
    body: lines.slice(end + 1).join('\n'),
    pageNumbers: meta.pageNumbers !== 'false',
  }
  return { source, parsed: parseTemplate(source.body, { lineOffset: end + 1 }) }
}

/** Checks a template given as fields (e.g. from the DB or the editor). Throws a UserError with the line on a bad body. */
export function compileTemplate(source: TemplateSource): CompiledTemplate {
  return { source, parsed: parseTemplate(source.body) }
}

function frontMatterError(line: number, zh: string, en: string): UserError {
  return new UserError('TEMPLATE_BAD_FRONT_MATTER', `模板第 ${line} 行：${zh}`, `Template line ${line}: ${en}`, { field: 'body', details: { line } })
}

const builtins = new Map<DocumentType, CompiledTemplate>()

/** The built-in template for a type, read from `resources/templates/<type>.md` once per process. */
export function builtinTemplate(type: DocumentType): CompiledTemplate {
  let t = builtins.get(type)
  if (!t) {
    t = parseTemplateFile(readFileSync(join(resourcesDir(), 'templates', `${type}.md`), 'utf8'))
    builtins.set(type, t)
  }
  return t
}

/** Narrows a string to a document type, or throws a UserError listing the valid ones. */
export function assertDocumentType(type: string): asserts type is DocumentType {
  if (!(DOCUMENT_TYPES as readonly string[]).includes(type)) {
    throw new UserError('DOCUMENT_UNKNOWN_TYPE', `未知的文书类型：${type}`, `Unknown document type: ${type}`, {
      field: 'type',
      details: { known: DOCUMENT_TYPES },
    })
  }
}
