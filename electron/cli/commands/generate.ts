import type { BatchResult } from '../../../shared/domain/documents'
import { STAGES, STAGE_LABELS } from '../../../shared/domain/enums'
import type { JobView } from '../../../shared/domain/jobs'
import { UserError } from '../../core/services'
import { intOption, UsageError } from '../args'
import { invoke, type Command, type CommandContext } from './index'

/**
 * `casedesk generate`: one document for one case (`--case ID`), or a batch over a filter (`--stage`,
 * `--min-dpd`, …) run as a job on both cores with a progress bar on stderr. Files go to `--out DIR` as
 * `{caseNo}-{type}.{ext}`; each is registered on its case like a document made in the app.
 */
const str = (o: CommandContext['options'], name: string) => (typeof o[name] === 'string' ? (o[name] as string) : undefined)

export const generateCommand: Command = async (c) => {
  const { options } = c
  const type = str(options, 'type')
  const out = str(options, 'out')
  if (!type || !out) throw new UsageError('generate 需要 --type TYPE 和 --out DIR / generate needs --type TYPE and --out DIR')
  const format = (str(options, 'format') ?? 'pdf') as 'pdf' | 'docx'
  const core = await c.open()
  const asOf = str(options, 'as-of') ?? core.ctx.today()
  const templateId = str(options, 'template')
  const caseId = str(options, 'case')
  if (caseId) {
    const r = await invoke(core, 'documents.generate', { caseId, type: type as never, format, asOf, outDir: out, templateId, withBytes: false })
    if (r.missing.length) c.out.note(`留空字段 / blank fields: ${r.missing.join(', ')}`)
    c.out.result({ files: [r.path], documents: [r.document] }, () => r.path!)
    return 0
  }
  const filter = {
    // A stage by its code (collection) or its Chinese label (催收); anything else is refused by the contract.
    stage: (STAGES.find((k) => STAGE_LABELS[k].zh === str(options, 'stage')) ?? str(options, 'stage')) as never,
    owner: str(options, 'owner'),
    search: str(options, 'search'),
    minDpd: options['min-dpd'] === undefined ? undefined : intOption(options, 'min-dpd', 0, 0, 100_000),
  }
  const { jobId, total } = await invoke(core, 'documents.batch', { filter, type: type as never, format, asOf, outDir: out, templateId, combinedPdf: options.combined === true })
  c.out.note(`批量生成 ${total} 件 / generating ${total} documents`)
  const bar = progressBar(total)
  const off = core.ctx.events.onEvent((e) => {
    if (e.type === 'job.progress' && (e.payload as JobView).id === jobId) bar((e.payload as JobView).done, (e.payload as JobView).current)
  })
  // Ctrl-C cancels the job: cases already written stay written and registered.
  const onInt = () => core.services.jobs.cancel(jobId)
  process.once('SIGINT', onInt)
  const end = await core.services.jobs.wait(jobId)
  process.off('SIGINT', onInt)
  off()
  bar(end.done, null, true)
  if (end.failure) throw new UserError(end.failure.code, end.failure.message, end.failure.messageEn)
  const result = (end.result ?? { files: [], combined: null, documents: 0, missing: [] }) as BatchResult
  for (const e of end.errors) c.out.note(`失败 / failed ${e.label}: [${e.code}] ${e.message} / ${e.messageEn}`)
  c.out.result({ status: end.status, files: result.files, combined: result.combined, errors: end.errors, missing: result.missing }, () =>
    [`${result.documents} 份已生成 / written to ${out}`, ...(result.combined ? [`合并打印 / combined: ${result.combined}`] : []), ...(end.errors.length ? [`${end.errors.length} 件失败 / failed`] : []), ...(end.status === 'cancelled' ? ['已取消 / cancelled'] : [])].join('\n'))
  return end.errors.length || end.status !== 'done' ? 1 : 0
}

/** A progress bar on stderr: redrawn in place on a terminal, one line per 10 % otherwise (logs, CI). */
function progressBar(total: number) {
  const tty = process.stderr.isTTY
  let lastTenth = -1
  return (done: number, current: string | null, final = false) => {
    const pct = total ? Math.floor((done / total) * 100) : 100
    const filled = Math.round(pct / 5)
    const line = `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${done}/${total} ${pct}%${current ? ` ${current}` : ''}`
    if (tty) process.stderr.write(`\r${line.padEnd(70)}${final ? '\n' : ''}`)
    else if (final || Math.floor(pct / 10) > lastTenth) {
      lastTenth = Math.floor(pct / 10)
      process.stderr.write(line + '\n')
    }
  }
}
