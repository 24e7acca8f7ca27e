import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { STAGES, STAGE_LABELS, type Stage } from '../../../shared/domain/enums'
import { formatFen } from '../../../shared/domain/money'
import { AGING_BUCKETS, type ExportedFile } from '../../../shared/domain/report'
import { UsageError } from '../args'
import { invoke, type Command } from './index'

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined)

/** Stage as its code (collection) or its Chinese label (催收), as `cases list` takes it. */
function parseStage(v: string | true | undefined): Stage | undefined {
  if (v === undefined) return undefined
  const s = String(v)
  const found = STAGES.find((k) => k === s || STAGE_LABELS[k].zh === s)
  if (!found) throw new UsageError(`未知阶段 ${s}，可选：${STAGES.map((k) => `${k}/${STAGE_LABELS[k].zh}`).join(' ')} / unknown stage`)
  return found
}

/** Write an exported file where the user said: a file path, or a directory (then the file keeps its own name). */
function save(f: ExportedFile, path: string, isDir: boolean): string {
  const target = isDir ? join(resolve(path), f.fileName) : resolve(path)
  if (isDir) mkdirSync(resolve(path), { recursive: true })
  writeFileSync(target, Buffer.from(f.base64, 'base64'))
  return target
}

function format<T extends string>(v: string | true | undefined, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new UsageError(`--format 须为 ${allowed.join('|')} / --format must be ${allowed.join('|')}`)
  return v as T
}

/** `report portfolio` (the dashboard's numbers) and `report client --lender ID --month YYYY-MM --format pdf|docx --out DIR`. */
export const reportCommand: Command = async ({ args, options, out, open }) => {
  const [sub] = args
  const core = await open()
  if (sub === 'portfolio') {
    const d = await invoke(core, 'reports.dashboard', { lenderId: str(options.lender), owner: str(options.owner), stage: parseStage(options.stage), from: str(options.from), to: str(options.to) })
    out.result(d, () => [
      `截至 ${d.asOf}：在办 ${d.totals.openCases} 件，未还本金 ¥${formatFen(d.totals.principalOutstandingFen)}；期间 ${d.period.from}–${d.period.to} 回款 ¥${formatFen(d.totals.recoveredFen)}`,
      `账龄 / aging: ${AGING_BUCKETS.map((b) => `${b} ${d.aging[b].count} 件 ¥${formatFen(d.aging[b].principalFen)}`).join('；')}`,
      `阶段 / stages: ${d.funnel.map((s) => `${STAGE_LABELS[s.stage].zh} ${s.count}`).join('  ')}`,
      `承诺履约率 / promises kept: ${d.promises.keptRatePct ?? '—'}%`,
      `时效 30 天内 ${d.limitation.within30} 件，90 天内 ${d.limitation.within90} 件`,
      ...d.lenders.map((l) => `${l.lenderName}\t${l.openCases} 件\t¥${formatFen(l.principalOutstandingFen)}\t${l.lenderId}`),
    ].join('\n'))
    return 0
  }
  if (sub === 'client') {
    const lenderId = str(options.lender), month = str(options.month), dir = str(options.out)
    if (!lenderId || !month || !dir) throw new UsageError('用法：report client --lender ID --month YYYY-MM --format pdf|docx --out DIR / usage: report client --lender ID --month YYYY-MM --format pdf|docx --out DIR')
    const f = await invoke(core, 'reports.client', { lenderId, month, format: format(options.format, ['pdf', 'docx'] as const) })
    const path = save(f, dir, true)
    out.result({ path, fileName: f.fileName, bytes: Buffer.from(f.base64, 'base64').length }, () => `已生成 / written: ${path}`)
    return 0
  }
  throw new UsageError('用法：report portfolio | report client … / usage: report portfolio | report client …')
}

/** `export cases [--stage S] [--owner O] [--lender ID] --format xlsx|csv --out FILE`: every matching case, one row each. */
export const exportCommand: Command = async ({ args, options, out, open }) => {
  const [sub] = args
  if (sub !== 'cases') throw new UsageError('用法：export cases [--stage S] [--owner O] --format xlsx|csv --out FILE / usage: export cases …')
  const file = str(options.out)
  if (!file) throw new UsageError('export cases 需要 --out FILE / export cases needs --out FILE')
  const fmt = format(options.format, ['xlsx', 'csv'] as const)
  const core = await open()
  const f = await invoke(core, 'reports.exportCases', { format: fmt, filter: { stage: parseStage(options.stage), owner: str(options.owner), lenderId: str(options.lender) } })
  const path = save(f, file, false)
  out.result({ path, fileName: f.fileName, rows: f.rows }, () => `已导出 ${f.rows} 件 / exported ${f.rows} cases: ${path}（建议文件名 / suggested name ${f.fileName}）`)
  return 0
}
