import { basename, resolve } from 'node:path'
import type { IntegrityReport } from '../../../shared/domain/evidence'
import { batesPrefix as batesPrefixSchema, evidenceChannels } from '../../../shared/ipc/channels/evidence'
import { UserError } from '../../core/services'
import { UsageError } from '../args'
import { invoke, type Command, type CommandContext } from './index'

/**
 * `casedesk evidence add|list|verify` and `casedesk bundle` / `casedesk bundle verify FILE.zip`.
 * Intake reads the files from disk in the core (size checked before reading); the exhibit fields are
 * validated with the contract's own schema, so the CLI and the app refuse the same input the same way.
 */
const metaSchema = evidenceChannels['evidence.add'].input.omit({ files: true })

function invalid(issues: { path: PropertyKey[]; message: string }[]): UserError {
  const i = issues[0]
  const field = i.path.map(String).join('.')
  const [zh, en] = i.message.includes(' | ') ? i.message.split(' | ') : [i.message, i.message]
  return new UserError('INVALID_INPUT', `输入有误：${field} ${zh}`, `Invalid input: ${field} ${en}`, { field })
}

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined)

function needCase(options: CommandContext['options'], usage: string): string {
  const id = str(options.case)
  if (!id) throw new UsageError(`需要 --case ID / ${usage}`)
  return id
}

/** Integrity report to stdout; exit 1 when anything is wrong. */
function report(ctx: CommandContext, r: IntegrityReport): number {
  ctx.out.result({ ok: r.ok, problems: r.problems }, () =>
    r.ok ? `完好：已校验 ${r.checked} 个文件 / intact: ${r.checked} files checked`
      : [`发现 ${r.problems.length} 个问题 / ${r.problems.length} problem(s):`, ...r.problems.map((p) => `  [${p.code}] ${p.file}  expected ${p.expected ?? '—'}  actual ${p.actual ?? '—'}`)].join('\n'))
  return r.ok ? 0 : 1
}

export const evidenceCommand: Command = async (ctx) => {
  const { args, options, out, open } = ctx
  const [sub, ...files] = args
  if (sub === 'add') {
    const usage = 'usage: evidence add --case ID --kind K --name N --purpose P [--source S] [--original] [--received-on DATE] FILE...'
    const caseId = needCase(options, usage)
    if (!str(options.kind)) throw new UsageError(`需要 --kind（如 借款合同）/ ${usage}`)
    if (files.length === 0) throw new UsageError(`至少给一个文件 / ${usage}`)
    const parsed = metaSchema.safeParse({
      caseId, kind: str(options.kind), name: str(options.name), purpose: str(options.purpose), source: str(options.source),
      original: options.original === true ? true : undefined, receivedOn: str(options['received-on']),
    })
    if (!parsed.success) throw invalid(parsed.error.issues)
    const core = await open()
    const r = await core.services.evidence.add(parsed.data, files.map((f) => ({ fileName: basename(f), path: resolve(f) })))
    out.result(r, () => [
      ...r.added.map((v) => `已添加 / added  证据${v.label} ${v.name}  ${v.pages ?? '?'} 页  ${v.sha256}`),
      ...r.rejected.map((x) => `未添加 / refused  ${x.message}\n                   ${x.messageEn}`),
    ].join('\n'))
    return r.rejected.length ? 1 : 0
  }
  if (sub === 'list') {
    const caseId = needCase(options, 'usage: evidence list --case ID')
    const list = await invoke(await open(), 'evidence.list', { caseId })
    out.result(list, () => list.map((v) => `${v.label.padEnd(5)} ${v.name}  [${v.kind}]  ${v.pages ?? '?'} 页  ${v.sha256.slice(0, 12)}…`).join('\n') || '（无证据 / no exhibits）')
    return 0
  }
  if (sub === 'verify') {
    const caseId = needCase(options, 'usage: evidence verify --case ID')
    return report(ctx, await invoke(await open(), 'evidence.verify', { caseId }))
  }
  throw new UsageError('用法 / usage: evidence add|list|verify --case ID …')
}

export const bundleCommand: Command = async (ctx) => {
  const { args, options, out, open } = ctx
  if (args[0] === 'verify') {
    if (!args[1]) throw new UsageError('用法 / usage: bundle verify FILE.zip|DIR')
    return report(ctx, (await open()).services.evidence.verifyBundle(resolve(args[1])))
  }
  if (args.length) throw new UsageError(`未知参数 ${args[0]} / unexpected argument ${args[0]}`)
  const usage = 'usage: bundle --case ID --out FILE.zip [--bates-prefix P]'
  const caseId = needCase(options, usage)
  const target = str(options.out)
  if (!target) throw new UsageError(`需要 --out FILE.zip / ${usage}`)
  let bates: string | undefined
  if (options['bates-prefix'] !== undefined) {
    const b = batesPrefixSchema.safeParse(str(options['bates-prefix']))
    if (!b.success) throw invalid(b.error.issues.map((i) => ({ ...i, path: ['batesPrefix'] })))
    bates = b.data
  }
  const core = await open()
  const r = await core.services.evidence.bundle({ caseId, out: resolve(target), batesPrefix: bates, onProgress: (done, total, current) => out.note(`${done}/${total} ${current}`) })
  const shaped = { zip: r.zip, pdf: r.pdf, pages: r.pages, exhibits: r.exhibits.map((e) => ({ no: e.no, name: e.name, firstPage: e.firstPage, lastPage: e.lastPage, sha256: e.sha256 })) }
  out.result(shaped, () => [`证据材料 / bundle: ${r.pdf}（${r.pages} 页）`, `ZIP: ${r.zip}`, ...r.exhibits.map((e) => `  证据${e.no} ${e.name}  第 ${e.firstPage}–${e.lastPage} 页`)].join('\n'))
  return 0
}

/** `casedesk pack (--stage S | --cases ID,ID…) --out DIR [--as-of DATE]`: filing packs as a job on both cores. */
export const packCommand: Command = async ({ args, options, out, open }) => {
  const usage = 'usage: pack (--stage S | --cases ID,ID…) --out DIR [--as-of DATE]'
  if (args.length) throw new UsageError(`未知参数 ${args[0]} / unexpected argument ${args[0]}\n${usage}`)
  const stage = str(options.stage)
  const cases = str(options.cases)?.split(',').map((x) => x.trim()).filter(Boolean)
  const outDir = str(options.out)
  if (!outDir || !!stage === !!cases?.length) throw new UsageError(`需要 --out 以及 --stage 或 --cases 之一 / ${usage}`)
  const core = await open()
  const { jobId, total } = await invoke(core, 'evidence.packs.start', { stage, caseIds: cases, outDir: resolve(outDir), asOf: str(options['as-of']) })
  out.note(`立案材料 / filing packs: ${total}`)
  const timer = setInterval(() => {
    const j = core.services.jobs.get(jobId)
    out.note(`${j.done}/${j.total} ${j.current ?? ''}`)
  }, 2000)
  const done = await core.services.jobs.wait(jobId).finally(() => clearInterval(timer))
  if (done.failure) throw new UserError(done.failure.code, done.failure.message, done.failure.messageEn)
  const r = done.result as { packs: { caseId: string; caseNo: string; dir: string; claim: string | null; courtFee: string | null; missing: string[] }[]; summary: string; errors: { label: string; code: string; message: string; messageEn: string }[] }
  const packs = r.packs.map((p) => ({ caseId: p.caseId, dir: p.dir, claim: p.claim, courtFee: p.courtFee, missing: p.missing }))
  out.result({ packs, summary: r.summary, errors: r.errors }, () => [
    ...r.packs.map((p) => `${p.caseNo}  标的 ¥${p.claim ?? '—'}  诉讼费 ¥${p.courtFee ?? '—'}  ${p.missing.length ? `缺 ${p.missing.length} 项` : '齐全'}  ${p.dir}`),
    ...r.errors.map((e) => `失败 / failed ${e.label}: ${e.message} / ${e.messageEn}`),
    `汇总 / summary: ${r.summary}`,
  ].join('\n'))
  return r.errors.length ? 1 : 0
}
