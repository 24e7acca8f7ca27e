import { z } from 'zod'
import { addMonths, isIsoDate } from '../../../shared/domain/date'
import { UserError } from '../errors'

/**
 * The one-year / five-year LPR table (LEGAL-RULES.md §C). It is data, shipped in resources/data/lpr.json
 * and replaceable by the user with a newer table; a quote is in force from its effective date until the next row's.
 */
const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD')
const percent = z.string().regex(/^\d{1,2}\.\d{1,4}$/, 'a percent such as 3.85')

export const lprTableSchema = z.object({
  name: z.string().optional(),
  asOf: isoDate,
  preLprBenchmark: z.object({ until: isoDate, oneYear: percent, fiveYearPlus: percent, since: isoDate }).optional(),
  rows: z
    .array(z.object({ effective: isoDate, lpr1y: percent, lpr5y: percent, sources: z.string().optional() }))
    .min(1)
    .refine((rows) => rows.every((r, i) => i === 0 || rows[i - 1].effective < r.effective), 'rows must be in increasing date order'),
})

export type LprTable = z.infer<typeof lprTableSchema>

export interface LprQuote {
  /** Annual rate in percent, e.g. "3.85". */
  percent: string
  /** The date this quote took effect. */
  effective: string
  /** Set when the date lies more than a month past the table's last row: the table may need an update. */
  stale?: { lastEffective: string }
}

/** Validate a table (shipped or user-imported). Throws a UserError naming what is wrong. */
export function parseLprTable(json: unknown): LprTable {
  const r = lprTableSchema.safeParse(json)
  if (!r.success) {
    const issue = r.error.issues[0]
    const where = issue.path.join('.')
    throw new UserError('LPR_TABLE_INVALID', `LPR 表格式错误（${where}）：${issue.message}`, `Invalid LPR table (${where}): ${issue.message}`, {
      field: where,
    })
  }
  return r.data
}

/** The one-year LPR in force on `date`. Before the table starts: an explicit error, never a guess. */
export function lpr1yOn(table: LprTable, date: string): LprQuote {
  return quoteOn(table, date, 'lpr1y')
}

export function lpr5yOn(table: LprTable, date: string): LprQuote {
  return quoteOn(table, date, 'lpr5y')
}

function quoteOn(table: LprTable, date: string, which: 'lpr1y' | 'lpr5y'): LprQuote {
  const rows = table.rows
  if (date < rows[0].effective) {
    throw new UserError(
      'LPR_DATE_BEFORE_TABLE',
      `${date} 早于 LPR 首次公布日 ${rows[0].effective}，该日没有 LPR 报价`,
      `${date} is before the first LPR quote (${rows[0].effective}); no LPR applies on that date`,
      { details: { date } },
    )
  }
  let lo = 0, hi = rows.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (rows[mid].effective <= date) lo = mid
    else hi = mid - 1
  }
  const row = rows[lo]
  const last = rows[rows.length - 1]
  const quote: LprQuote = { percent: row[which], effective: row.effective }
  if (lo === rows.length - 1 && date > addMonths(last.effective, 1)) quote.stale = { lastEffective: last.effective }
  return quote
}
