import { UserError } from '../../errors'
import { FILTERS, type Filter, type Node, type ParsedTemplate } from './ast'
import { contextFields, lookupField, type FieldNode, type FieldScope } from './fields'

/**
 * The template language: `{{borrower.name}}`, `{{claim.total|upper}}`, `{{#if x}}…{{else}}…{{/if}}`,
 * `{{#each loans}}…{{/each}}` (inside, item fields by bare name and `{{@number}}` / `{{@index}}`).
 * A block tag alone on its line takes the line with it, so loops can build table rows line by line.
 */
type Token =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'tag'; body: string; line: number }

const TAG = /\{\{(.*?)\}\}/g
const STANDALONE_BLOCK = /^\s*\{\{\s*([#/](if|each)\b[^}]*|else)\s*\}\}\s*$/

function tokenize(text: string, lineOffset: number): Token[] {
  const tokens: Token[] = []
  const lines = text.split(/\r?\n/)
  lines.forEach((lineText, i) => {
    const line = i + 1 + lineOffset
    const eol = i < lines.length - 1 ? '\n' : ''
    if (STANDALONE_BLOCK.test(lineText)) {
      tokens.push({ kind: 'tag', body: lineText.trim().slice(2, -2).trim(), line })
      return
    }
    let last = 0
    for (const m of lineText.matchAll(TAG)) {
      if (m.index > last) tokens.push({ kind: 'text', text: lineText.slice(last, m.index), line })
      tokens.push({ kind: 'tag', body: m[1].trim(), line })
      last = m.index + m[0].length
    }
    const rest = lineText.slice(last)
    if (rest.includes('{{')) throw templateError('TEMPLATE_BAD_TAG', line, `“{{”没有对应的“}}”`, `"{{" without a closing "}}"`)
    tokens.push({ kind: 'text', text: rest + eol, line })
  })
  return tokens
}

function templateError(code: string, line: number, zh: string, en: string): UserError {
  return new UserError(code, `模板第 ${line} 行：${zh}`, `Template line ${line}: ${en}`, { field: 'body', details: { line } })
}

interface Frame {
  kind: 'root' | 'if' | 'each'
  line: number
  nodes: Node[]
  /** For `if`: the else-branch once `{{else}}` was seen. */
  otherwise?: Node[]
  path?: string[]
  depth?: number
  itemScope?: FieldScope | null
}

/**
 * Parses a template body and checks it against the declared fields (by default, `DocumentContext`).
 * Throws a UserError naming the line for an unknown placeholder or filter, a malformed tag, an `{{else}}`
 * outside `{{#if}}`, a block closed by the wrong tag, or a block never closed.
 */
export function parseTemplate(text: string, opts: { fields?: FieldScope; lineOffset?: number } = {}): ParsedTemplate {
  const root = opts.fields ?? contextFields()
  const stack: Frame[] = [{ kind: 'root', line: 0, nodes: [] }]
  const top = () => stack[stack.length - 1]
  const out = () => top().otherwise ?? top().nodes

  /** Item scopes of the enclosing loops, innermost first, then the root. */
  const resolve = (path: string[]): { node: FieldNode; depth: number } | undefined => {
    const loops = stack.filter((f) => f.kind === 'each')
    for (let d = loops.length; d >= 1; d--) {
      const scope = loops[d - 1].itemScope
      const hit = scope && lookupField(scope, path)
      if (hit) return { node: hit, depth: d }
    }
    const hit = lookupField(root, path)
    return hit && { node: hit, depth: 0 }
  }

  for (const tok of tokenize(text, opts.lineOffset ?? 0)) {
    if (tok.kind === 'text') {
      const list = out()
      const prev = list[list.length - 1]
      if (prev?.type === 'text') prev.text += tok.text
      else list.push({ type: 'text', text: tok.text })
      continue
    }
    const { body, line } = tok
    const block = /^#(if|each)\s+(\S+)$/.exec(body)
    if (block) {
      const path = parsePath(block[2], line)
      const found = resolve(path)
      if (!found) throw unknownField(block[2], line)
      const { node, depth } = found
      if (block[1] === 'each') {
        if (node.kind !== 'list') throw templateError('TEMPLATE_NOT_A_LIST', line, `“${block[2]}”不是列表，不能用于 #each`, `"${block[2]}" is not a list and cannot be used with #each`)
        stack.push({ kind: 'each', line, nodes: [], path, depth, itemScope: node.item })
      } else {
        stack.push({ kind: 'if', line, nodes: [], path, depth })
      }
      continue
    }
    if (body === 'else') {
      const f = top()
      if (f.kind !== 'if' || f.otherwise) throw templateError('TEMPLATE_MISPLACED_ELSE', line, '{{else}} 不在 {{#if}} 块内', '{{else}} outside an {{#if}} block')
      f.otherwise = []
      continue
    }
    const close = /^\/(if|each)$/.exec(body)
    if (close) {
      const f = top()
      if (f.kind === 'root') throw templateError('TEMPLATE_MISMATCHED_BLOCK', line, `{{/${close[1]}}} 没有对应的开始标记`, `{{/${close[1]}}} has no matching opening tag`)
      if (f.kind !== close[1]) {
        throw templateError('TEMPLATE_MISMATCHED_BLOCK', line, `{{/${close[1]}}} 与第 ${f.line} 行的 {{#${f.kind}}} 不匹配`, `{{/${close[1]}}} does not match {{#${f.kind}}} on line ${f.line}`)
      }
      stack.pop()
      const node: Node = f.kind === 'if'
        ? { type: 'if', path: f.path!, depth: f.depth!, then: f.nodes, otherwise: f.otherwise ?? [], line: f.line }
        : { type: 'each', path: f.path!, depth: f.depth!, body: f.nodes, line: f.line }
      out().push(node)
      continue
    }
    if (body === '@index' || body === '@number') {
      if (!stack.some((f) => f.kind === 'each')) throw templateError('TEMPLATE_BAD_TAG', line, `{{${body}}} 只能在 {{#each}} 内使用`, `{{${body}}} is only allowed inside {{#each}}`)
      out().push({ type: 'index', base: body === '@index' ? 0 : 1, line })
      continue
    }
    const [rawPath, ...rawFilters] = body.split('|').map((s) => s.trim())
    const path = parsePath(rawPath, line)
    const found = resolve(path)
    if (!found) throw unknownField(rawPath, line)
    const { node, depth } = found
    if (node.kind !== 'scalar') throw templateError('TEMPLATE_NOT_A_VALUE', line, `“${rawPath}”是一组数据，不能直接输出`, `"${rawPath}" is a group of fields and cannot be printed directly`)
    const filters = rawFilters.map((f) => {
      if (!(FILTERS as readonly string[]).includes(f)) {
        throw templateError('TEMPLATE_UNKNOWN_FILTER', line, `未知的格式“${f}”（可用：${FILTERS.join('、')}）`, `unknown filter "${f}" (known: ${FILTERS.join(', ')})`)
      }
      return f as Filter
    })
    out().push({ type: 'value', path, depth, filters, line })
  }
  const open = top()
  if (open.kind !== 'root') {
    throw templateError('TEMPLATE_UNCLOSED_BLOCK', open.line, `{{#${open.kind}}} 没有结束标记 {{/${open.kind}}}`, `{{#${open.kind}}} is never closed with {{/${open.kind}}}`)
  }
  return { nodes: open.nodes }
}

function parsePath(raw: string, line: number): string[] {
  if (!/^[A-Za-z_][\w]*(\.[\w]+)*$/.test(raw)) {
    throw templateError('TEMPLATE_BAD_TAG', line, `无法识别的标记“{{${raw}}}”`, `malformed tag "{{${raw}}}"`)
  }
  return raw.split('.')
}

function unknownField(raw: string, line: number): UserError {
  return templateError('TEMPLATE_UNKNOWN_FIELD', line, `未知的字段“${raw}”`, `unknown field "${raw}"`)
}
