import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { JobView } from '../../../shared/domain/jobs'
import type { ReviewBatchItem, ReviewBatchResult, ReviewOutcome } from '../../../shared/domain/review'
import { UserError, type OpenedCore } from '../../core/services'
import { UsageError } from '../args'
import { invoke, type Command, type CommandContext } from './index'

/**
 * `casedesk review FILE|DIR [--regime private|licensed] [--disbursed YUAN] [--contract-date YYYY-MM-DD] [--store]`:
 * review a contract (DOCX, PDF or TXT). One file gives
 * {"terms", "allInAnnualCost", "findings":[{code, severity, start, end, text, basis, message}]}; a directory gives one
 * such object per file (with "file"), or {"file", "error"} for a file that could not be reviewed — the rest go on,
 * progress goes to stderr, and the exit code is 1 when any file failed.
 *
 * Without --store nothing is stored (a quick check, as the issue's CLI asks). With --store the reviews are kept, as
 * the app keeps them: a file through `review.run` (the answer adds "reviewId"), a directory through the app's own
 * `review.batch` job (files staged like uploads, reviewed in worker threads on every core, Ctrl-C cancels; each
 * file gives {file, reviewId, critical, warning, info, allInAnnualCost} or {file, error}).
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
  if (!path) throw new UsageError('用法：review FILE|DIR [--regime private|licensed] [--disbursed YUAN] [--store] / usage: review FILE|DIR …')
  const opts = options(ctx)
  let isDir = false
  try {
    isDir = statSync(path).isDirectory()
  } catch {
    throw new UserError('BAD_INPUT_FILE', `找不到文件 ${path}`, `No such file: ${path}`)
  }
  const core = await ctx.open()
  const store = ctx.options.store === true
  if (!isDir) {
    if (!REVIEWABLE.test(path)) throw new UserError('REVIEW_UNSUPPORTED_FILE', '只能审查 DOCX、PDF 或 TXT 文件', 'Only DOCX, PDF or TXT files can be reviewed')
    const source = { fileName: basename(path), dataBase64: readBytes(path).toString('base64') }
    const r = store ? await invoke(core, 'review.run', { source, ...opts }) : await invoke(core, 'review.preview', { source, ...opts })
    ctx.out.result({ ...('id' in r ? { reviewId: r.id } : {}), ...cliShape(r) }, () => human(r))
    return 0
  }
  const names = readdirSync(path).filter((n) => REVIEWABLE.test(n)).sort()
  if (store) return storeBatch(ctx, core, path, names, opts)
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

/** A 3 MB slice is 4 MB of base64, within one upload chunk. */
const CHUNK_BYTES = 3 * 1024 * 1024

/** Stage a file as the app uploads it (chunk by chunk); returns its upload id. */
async function stage(core: OpenedCore, dir: string, name: string): Promise<string> {
  const bytes = readBytes(join(dir, name))
  let uploadId: string | undefined
  for (let at = 0; at === 0 || at < bytes.length; at += CHUNK_BYTES)
    uploadId = (await invoke(core, 'import.upload', { uploadId, name, chunkBase64: bytes.subarray(at, at + CHUNK_BYTES).toString('base64') })).uploadId
  return uploadId!
}

/** `review DIR --store`: the `review.batch` job, with its progress on stderr; Ctrl-C cancels it. */
async function storeBatch(ctx: CommandContext, core: OpenedCore, dir: string, names: string[], opts: ReturnType<typeof options>): Promise<number> {
  if (names.length === 0) {
    ctx.out.result([], () => '没有可审查的文件 / no contract files')
    return 0
  }
  const uploadIds: string[] = []
  for (const name of names) uploadIds.push(await stage(core, dir, name))
  const { jobId, total } = await invoke(core, 'review.batch', { uploadIds, ...opts })
  let last = 0
  const off = core.ctx.events.onEvent((e) => {
    const j = e.payload as JobView
    if (e.type !== 'job.progress' || j.id !== jobId) return
    if (j.done === total || j.done - last >= Math.max(1, Math.floor(total / 100))) {
      last = j.done
      ctx.out.note(`审查 / reviewed ${j.done}/${total}  ${j.current ?? ''}`)
    }
  })
  // Ctrl-C stops handing out files: what was reviewed stays stored and is listed.
  const onInt = () => core.services.jobs.cancel(jobId)
  process.once('SIGINT', onInt)
  const end = await core.services.jobs.wait(jobId).finally(() => {
    process.off('SIGINT', onInt)
    off()
  })
  if (end.failure) throw new UserError(end.failure.code, end.failure.message, end.failure.messageEn)
  const reviewed = new Map(((end.result as ReviewBatchResult | null)?.items ?? []).map(({ name, ...item }) => [name, item]))
  const failed = new Map(end.errors.map((e) => [e.label, { code: e.code, message: e.message, messageEn: e.messageEn }]))
  type Row = { file: string } & (Omit<ReviewBatchItem, 'name'> | { error: { code: string; message: string; messageEn: string } })
  const rows = names.flatMap((file): Row[] => {
    const item = reviewed.get(file)
    const error = failed.get(file)
    return item ? [{ file, ...item }] : error ? [{ file, error }] : []
  })
  ctx.out.result(rows, () => rows.map((r) => ('error' in r ? `✗ ${r.file}: ${r.error.message}` : `✓ ${r.file}: ${r.critical}/${r.warning}/${r.info} 项发现 / findings (critical/warning/info)  ${r.reviewId}`)).join('\n'))
  if (failed.size) ctx.out.note(`${failed.size} 个文件未能审查 / ${failed.size} file(s) could not be reviewed`)
  if (end.status === 'cancelled') ctx.out.note(`已取消：审查了 ${rows.length}/${names.length} 个文件 / cancelled after ${rows.length} of ${names.length} files`)
  return failed.size || end.status !== 'done' ? 1 : 0
}
