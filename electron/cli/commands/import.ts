import { existsSync, readFileSync } from 'node:fs'
import { basename, extname, resolve } from 'node:path'
import type { ImportReport } from '../../../shared/domain/import'
import type { JobView } from '../../../shared/domain/jobs'
import { UserError } from '../../core/services'
import { UsageError } from '../args'
import type { Command, CommandContext } from './index'

const IMPORT_JOB = 'import.file'

/**
 * `casedesk import FILE [--lender NAME [--regime private|licensed]] [--mapping NAME|FILE.json] [--sheet S]
 * [--dry-run] [--rejected-out FILE.csv|.xlsx]` and `casedesk import template --out FILE.xlsx`.
 * The import runs as the same job as in the app (a worker thread); progress goes to stderr.
 */
export const importCommand: Command = async (c) => {
  if (c.args[0] === 'template') return template(c)
  if (!c.args[0] || c.args.length > 1) throw new UsageError('用法：import FILE [--lender NAME] [--mapping NAME|FILE.json] [--sheet S] [--dry-run] / usage: import FILE …')
  const regime = c.options.regime
  if (regime !== undefined && regime !== 'private' && regime !== 'licensed') throw new UsageError('--regime 须为 private 或 licensed / --regime must be private or licensed')
  if (regime !== undefined && c.options.lender === undefined) throw new UsageError('--regime 只能与 --lender 一起用 / --regime goes with --lender')
  const rejectedOut = typeof c.options['rejected-out'] === 'string' ? resolve(c.options['rejected-out']) : undefined
  if (rejectedOut && !/\.(csv|xlsx)$/i.test(rejectedOut)) throw new UsageError('--rejected-out 须以 .csv 或 .xlsx 结尾 / --rejected-out must end in .csv or .xlsx')

  const path = resolve(c.args[0])
  if (!existsSync(path)) throw new UserError('IMPORT_FILE_NOT_FOUND', `找不到文件：${path}`, `File not found: ${path}`)
  const core = await c.open()
  const s = core.services
  const params = await s.import.prepare({
    path, fileName: basename(path), dryRun: c.options['dry-run'] === true,
    lender: typeof c.options.lender === 'string' ? c.options.lender.trim() : undefined, regime,
    sheet: typeof c.options.sheet === 'string' ? c.options.sheet : undefined,
    ...mappingOption(c.options.mapping),
  })
  let lastNote = 0
  const stop = core.ctx.events.onEvent((e) => {
    const j = e.payload as JobView
    if (e.type !== 'job.progress' || j.kind !== IMPORT_JOB || Date.now() - lastNote < 250) return
    lastNote = Date.now()
    c.out.note(j.total > 0 ? `已读 ${j.done}/${j.total} 行 / rows ${j.done}/${j.total}` : `已读 ${j.done} 行 / rows ${j.done}`)
  })
  const { jobId } = await s.jobs.start(IMPORT_JOB, params)
  const end = await s.jobs.wait(jobId)
  stop()
  if (end.failure) throw new UserError(end.failure.code, end.failure.message, end.failure.messageEn)
  if (end.errors[0]) throw new UserError(end.errors[0].code, end.errors[0].message, end.errors[0].messageEn)
  const report = end.result as ImportReport
  const rejected: { row: number; column: string; code: string; message: string }[] = []
  for await (const r of s.import.rejectedRows(report.runId)) for (const e of r.errors) rejected.push({ row: e.row, column: e.column, code: e.code, message: e.message })
  if (rejectedOut && report.rejectedRows > 0) {
    await s.import.writeRejected(report.runId, extname(rejectedOut).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv', rejectedOut)
    c.out.note(`未导入的行已写入 ${rejectedOut} / rejected rows written to ${rejectedOut}`)
  }
  c.out.result({ read: report.read, imported: report.imported, updated: report.updated, unchanged: report.unchanged, rejected }, () =>
    [`${report.dryRun ? '试导入（未保存）/ dry run (nothing stored)' : '导入完成 / import done'}：读取 ${report.read} 行，新增 ${report.imported}，更新 ${report.updated}，未变 ${report.unchanged}，未导入 ${report.rejectedRows}（${report.rowsPerSec} 行/秒）`,
      ...rejected.slice(0, 20).map((e) => `  第 ${e.row} 行 ${e.column}：${e.message} [${e.code}]`),
      ...(rejected.length > 20 ? [`  …另有 ${rejected.length - 20} 条 / ${rejected.length - 20} more (--rejected-out FILE.csv)`] : [])].join('\n'))
  return 0
}

/** `--mapping` is a saved mapping's name, or a .json file holding one. */
function mappingOption(m: string | true | undefined): { mapping?: unknown; mappingName?: string } {
  if (typeof m !== 'string') return {}
  if (!/\.json$/i.test(m)) return { mappingName: m }
  try {
    return { mapping: JSON.parse(readFileSync(resolve(m), 'utf8')) }
  } catch (e) {
    throw new UserError('IMPORT_MAPPING_INVALID', `无法读取列对应文件 ${m}：${(e as Error).message}`, `Cannot read the mapping file ${m}: ${(e as Error).message}`)
  }
}

async function template({ args, options, out, open }: CommandContext): Promise<number> {
  if (args.length > 1 || typeof options.out !== 'string') throw new UsageError('用法：import template --out FILE.xlsx / usage: import template --out FILE.xlsx')
  const file = resolve(options.out)
  const core = await open()
  await core.services.import.writeTemplate(file)
  out.result({ file }, () => `已写入导入模板 ${file} / template written to ${file}`)
  return 0
}
