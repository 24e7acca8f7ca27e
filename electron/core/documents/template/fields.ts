import { z } from 'zod'
import { documentContextSchema } from '../context'

/**
 * The fields a template may name, derived from the context schema so the two can never drift apart.
 * A scope maps a name to a scalar, an object (more names under it) or a list (whose items are a scope
 * inside `{{#each}}`).
 */
export type FieldNode =
  | { kind: 'scalar' }
  | { kind: 'object'; fields: FieldScope }
  | { kind: 'list'; item: FieldScope | null }

export type FieldScope = Map<string, FieldNode>

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType
  return s
}

function nodeOf(schema: z.ZodType): FieldNode {
  const s = unwrap(schema)
  if (s instanceof z.ZodObject) return { kind: 'object', fields: scopeOf(s) }
  if (s instanceof z.ZodArray) {
    const el = unwrap(s.element as z.ZodType)
    return { kind: 'list', item: el instanceof z.ZodObject ? scopeOf(el) : null }
  }
  return { kind: 'scalar' }
}

function scopeOf(obj: z.ZodObject): FieldScope {
  const scope: FieldScope = new Map()
  for (const [name, child] of Object.entries(obj.shape)) scope.set(name, nodeOf(child as z.ZodType))
  return scope
}

let rootScope: FieldScope | undefined

/** The fields of `DocumentContext`, computed once. */
export function contextFields(): FieldScope {
  rootScope ??= scopeOf(documentContextSchema)
  return rootScope
}

/** Looks a dotted path up in one scope; `undefined` when it is not declared there. */
export function lookupField(scope: FieldScope, path: string[]): FieldNode | undefined {
  let node: FieldNode | undefined = { kind: 'object', fields: scope }
  for (const part of path) {
    if (!node) return undefined
    if (node.kind === 'object') node = node.fields.get(part)
    else if (node.kind === 'list' && /^\d+$/.test(part)) node = node.item ? { kind: 'object', fields: node.item } : { kind: 'scalar' }
    else return undefined
  }
  return node
}

/** Every declared dotted path (lists shown as `loans[]`), for the template editor's help panel. */
export function listFieldPaths(scope: FieldScope = contextFields(), prefix = ''): string[] {
  const out: string[] = []
  for (const [name, node] of scope) {
    const path = prefix + name
    if (node.kind === 'scalar') out.push(path)
    else if (node.kind === 'object') out.push(...listFieldPaths(node.fields, path + '.'))
    else {
      out.push(path + '[]')
      if (node.item) out.push(...listFieldPaths(node.item, path + '[].'))
    }
  }
  return out
}
