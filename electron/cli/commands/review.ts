import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ReviewOutcome } from '../../../shared/domain/review'
import { UserError } from '../../core/services'
import { UsageError } from '../args'
import { invoke, type Command, type CommandContext } from './index'

/**
 * `casedesk review FILE|DIR [--regime private|licensed] [--disbursed YUAN] [--contract-date YYYY-MM-DD]`:
 * review a contract (DOCX, PDF or TXT) without storing anything. One file gives
 * {"terms", "allInAnnualCost", "findings":[{code, severity, start, end, text, basis, message}]}; a directory gives one
 * such object per file (with "file"), or {"file", "error"} for a file that could not be reviewed — the rest go on,
 * progress goes to stderr, and the exit code is 1 when any file failed.
 */

const REVIEWABLE = /\.(docx|pdf|txt)$/i

/** The CLI's documented shape: the reviewer's terms and cost, findings with their zh message. */
function cliShape(r: ReviewOutcome) {
  return {
    terms: r.terms,
    allInAnnualCost: r.allInAnnualCost,
    findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, start: f.start, end: f.end, text: f.text, basis: f.basis, message: f.message })),
  }
}

function options({ options }: CommandContext) {
  const regime = options.regime
  if (regime !== undefined && regime !== 'private' && regime !== 'licensed') throw new UsageError('--regime 只能是 private 或 licensed / --regime must be private or licensed')
  const str = (k: string) => (typeof options[k] === 'string' ? (options[k] as string) : undefined)
  return { regime: regime as 'private' | 'licensed' | undefined, disbursed: str('disbursed'), contractDate: str('contract-date') }
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path)
  } catch (e) {
    throw new UserError('BAD_INPUT_FILE', `无法读取文件 ${path}：${(e as Error).message}`, `Cannot read ${path}: ${(e as Error).message}`)
  }
}

function human(r: ReviewOutcome): string {
  const cost = r.allInAnnualCost === null ? '—' : `${(Number(r.allInAnnualCost) * 100).toFixed(2)}%`
  return [`综合年化成本 / all-in annual cost: ${cost}`, ...r.findings.map((f) => `[${f.severity}] ${f.code}  ${f.message}${f.text ? `\n    「${f.text}」` : ''}`)].join('\n')
}

export const reviewCommand: Command = async (ctx) => {
  const path = ctx.args[0]
  if (!path) throw new UsageError('用法：review FILE|DIR [--regime private|licensed] [--disbursed YUAN] / usage: review FILE|DIR …')
  const opts = options(ctx)
  let isDir = false
  try {
    isDir = statSync(path).isDirectory()
  } catch {
    throw new UserError('BAD_INPUT_FILE', `找不到文件 ${path}`, `No such file: ${path}`)
  }
  const core = await ctx.open()
  if (!isDir) {
    if (!REVIEWABLE.test(path)) throw new UserError('REVIEW_UNSUPPORTED_FILE', '只能审查 DOCX、PDF 或 TXT 文件', 'Only DOCX, PDF or TXT files can be reviewed')
    const source = { fileName: basename(path), dataBase64: readBytes(path).toString('base64') }
    const r = await invoke(core, 'review.preview', { source, ...opts })
    ctx.out.result(cliShape(r), () => human(r))
    return 0
  }
  const names = readdirSync(path).filter((n) => REVIEWABLE.test(n)).sort()
  const items = names.map((name) => ({ name, bytes: readBytes(join(path, name)) }))
  let last = 0
  const results = await core.services.reviews.previewBatch(items, opts, (done, total, name) => {
    // One line per 1 % (and the last), so a thousand files do not flood the terminal.
    if (done === total || done - last >= Math.max(1, Math.floor(total / 100))) {
      last = done
      ctx.out.note(`审查 / reviewed ${done}/${total}  ${name}`)
    }
  })
  const failed = results.filter((r) => 'error' in r).length
  ctx.out.result(
    results.map((r) => ('error' in r ? { file: r.name, error: r.error } : { file: r.name, ...cliShape(r.outcome) })),
    () => results.map((r) => ('error' in r ? `✗ ${r.name}: ${r.error.message}` : `✓ ${r.name}: ${r.outcome.findings.length} 项发现 / findings`)).join('\n'),
  )
  if (failed) ctx.out.note(`${failed} 个文件未能审查 / ${failed} file(s) could not be reviewed`)
  return failed ? 1 : 0
}
