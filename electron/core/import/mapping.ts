import { z } from 'zod'
import { UserError } from '../errors'
import { CANONICAL_FIELDS, FIELD_SPECS, headerKey, type CanonicalField } from './fields'
import type { RateKind } from './types'

export const RATE_FIELDS = ['rate', 'overdueRate', 'penaltyRate'] as const
export const AMOUNT_FIELDS = ['contractAmount', 'disbursedAmount', 'fees', 'principalRepaid', 'interestRepaid'] as const
/** Fields a row cannot do without. The lender may instead come from the import's defaults (`--lender`). */
export const REQUIRED_FIELDS: readonly CanonicalField[] = ['borrowerName', 'idNumber', 'contractNo', 'contractAmount']

const columnSchema = z.object({
  /** The header text as it appears in row 1 of the file. */
  header: z.string().min(1),
  /** Rate fields: the period a bare value is quoted in. */
  rateKind: z.enum(['annual', 'monthly', 'daily']).optional(),
  /** Rate fields: `percent` = bare numbers are percentages ("年利率(%)"). Amount fields: `wan` = values in 万元. */
  unit: z.enum(['percent', 'wan']).optional(),
})

/** A saved column mapping: canonical field → the column that holds it. Validate saved JSON with `mappingSchema.parse`. */
export const mappingSchema = z.object({
  version: z.literal(1),
  name: z.string().min(1).max(100).optional(),
  columns: z.partialRecord(z.enum(CANONICAL_FIELDS), columnSchema),
})

export type Mapping = z.infer<typeof mappingSchema>
export type MappedColumn = z.infer<typeof columnSchema>

/** A mapping bound to one file's header row: field → 0-based column index. */
export interface ResolvedMapping {
  headers: string[]
  index: Partial<Record<CanonicalField, number>>
  columns: Mapping['columns']
}

function matchField(key: string, field: CanonicalField, exact: boolean): { rank: number; synonym: string } | null {
  const { synonyms } = FIELD_SPECS[field]
  for (let i = 0; i < synonyms.length; i++) {
    const syn = synonyms[i]
    if (exact ? key === syn : syn.length >= 3 && /[^\x00-\x7f]/.test(syn) && key.includes(syn)) return { rank: i, synonym: syn }
  }
  return null
}

/**
 * Propose a mapping from a header row using Chinese and English synonyms. Exact matches (after
 * `headerKey`) come first, then headers that contain a Chinese synonym ("客户身份证号码").
 * Each field takes at most one column and each column serves at most one field; among several
 * candidates the most specific synonym wins (年利率 before 日利率). Rate periods and units are
 * read from the header (日利率 → daily, "(%)" → percent, "(万元)" → wan).
 */
export function proposeMapping(headers: string[]): Mapping {
  const columns: Mapping['columns'] = {}
  const used = new Set<number>()
  const keys = headers.map(headerKey)
  for (const exact of [true, false]) {
    const candidates: Array<{ field: CanonicalField; col: number; rank: number; synonym: string }> = []
    for (const field of CANONICAL_FIELDS) {
      if (columns[field]) continue
      keys.forEach((key, col) => {
        if (used.has(col) || key === '') return
        const m = matchField(key, field, exact)
        if (m) candidates.push({ field, col, ...m })
      })
    }
    // Longest (most specific) synonym first: "借款人手机号码" is a phone column, not a borrower-name one.
    candidates.sort((a, b) => b.synonym.length - a.synonym.length || a.rank - b.rank || a.col - b.col)
    for (const c of candidates) {
      if (columns[c.field] || used.has(c.col)) continue
      used.add(c.col)
      columns[c.field] = describeColumn(c.field, headers[c.col], c.synonym)
    }
  }
  // Present fields in canonical order, whatever order they were matched in.
  return { version: 1, columns: Object.fromEntries(CANONICAL_FIELDS.filter((f) => columns[f]).map((f) => [f, columns[f]])) }
}

function describeColumn(field: CanonicalField, header: string, synonym: string): MappedColumn {
  const column: MappedColumn = { header: header.trim() }
  if ((RATE_FIELDS as readonly string[]).includes(field)) {
    column.rateKind = FIELD_SPECS[field].kindBySynonym?.[synonym] ?? kindFromHeader(header)
    if (/[%％]/.test(header)) column.unit = 'percent'
  }
  if ((AMOUNT_FIELDS as readonly string[]).includes(field) && /万元|万/.test(header)) column.unit = 'wan'
  return column
}

function kindFromHeader(header: string): RateKind {
  if (/日|daily/i.test(header)) return 'daily'
  if (/月|monthly/i.test(header)) return 'monthly'
  return 'annual'
}

/**
 * Bind a (proposed or saved) mapping to a file's header row. Throws IMPORT_MAPPING_INCOMPLETE when a
 * required field is unmapped or a mapped header is missing from the file; `details` lists both.
 * `lenderFromDefaults` says the import names the lender itself, so no lender column is needed.
 */
export function resolveMapping(mapping: Mapping, headers: string[], lenderFromDefaults: boolean): ResolvedMapping {
  const trimmed = headers.map((h) => h.trim())
  const keys = headers.map(headerKey)
  const index: ResolvedMapping['index'] = {}
  const missingHeaders: string[] = []
  for (const field of CANONICAL_FIELDS) {
    const col = mapping.columns[field]
    if (!col) continue
    let i = trimmed.indexOf(col.header.trim())
    if (i < 0) i = keys.indexOf(headerKey(col.header))
    if (i < 0) missingHeaders.push(col.header)
    else index[field] = i
  }
  const required = lenderFromDefaults ? REQUIRED_FIELDS : [...REQUIRED_FIELDS, 'lenderName' as const]
  const missingFields = required.filter((f) => index[f] === undefined && !missingHeaders.includes(mapping.columns[f]?.header ?? '\0'))
  if (missingHeaders.length > 0 || missingFields.length > 0) {
    const names = [...missingFields.map((f) => FIELD_SPECS[f].zh), ...missingHeaders.map((h) => `“${h}”`)]
    const namesEn = [...missingFields.map((f) => FIELD_SPECS[f].en), ...missingHeaders.map((h) => `"${h}"`)]
    throw new UserError('IMPORT_MAPPING_INCOMPLETE', `列对应不完整，缺少：${names.join('、')}`, `Column mapping incomplete; missing: ${namesEn.join(', ')}`, {
      details: { missingFields, missingHeaders },
    })
  }
  return { headers: trimmed, index, columns: mapping.columns }
}
