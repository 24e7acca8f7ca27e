import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { defaultDataDir, openCore, UserError, type OpenedCore } from '../core/services'
import { parseArgs, UsageError } from './args'
import { COMMANDS, type CommandContext } from './commands'
import { createOutput } from './output'

/**
 * `casedesk` — the command-line door to the same core as the app. Exit codes: 0 success, 1 a user error
 * (message on stderr), 2 bad usage. With --json, stdout carries exactly one JSON document.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
// Options that take a value, and flags; anything else is a usage error (exit 2).
const VALUED = new Set([
  'data-dir', 'cases', 'seed', 'search', 'stage', 'limit', 'out', 'owner', 'claim', // store, calculator
  'kind', 'from', 'case', 'channel', 'target', 'at', 'outcome', 'note', 'override', // collection, deadlines
  'regime', 'disbursed', 'contract-date', // review
  'lender', 'month', 'format', 'to', // reports, exports
  'name', 'purpose', 'source', 'bates-prefix', 'received-on', // evidence
  'mapping', 'sheet', 'rejected-out', // import
  'type', 'as-of', 'min-dpd', 'template', // documents
])
const BOOLEANS = new Set(['json', 'help', 'original', 'dry-run', 'combined', 'store'])

const USAGE = `用法 / usage: casedesk [--data-dir DIR] [--json] <command> …
  seed --cases N [--seed S]            生成演示数据 / synthetic cases
  import FILE [--lender NAME [--regime private|licensed]] [--mapping NAME|FILE.json] [--sheet S] [--dry-run] [--rejected-out FILE.csv|.xlsx]
                                       批量导入逾期名单 / bulk import
  import template --out FILE.xlsx      导入模板 / import template
  cases list [--search Q] [--stage S] [--limit N]
  cases show ID
  validate id-number X | validate credit-code X
  db check | audit verify
  backup --out FILE | restore FILE
  calc FILE.json                       依法可主张金额 / claim as of a date
  court-fee --claim YUAN               诉讼费 / court fees
  generate --case ID --type TYPE --format docx|pdf --as-of DATE --out DIR   一份文书 / one document
  generate --type TYPE --stage S [--min-dpd N] [--owner O] --format pdf --out DIR [--combined] [--template ID]
                                       批量文书 / batch documents (TYPE: demand-letter, lawyer-letter, repayment-agreement,
                                       settlement-agreement, complaint, payment-order, preservation, evidence-list,
                                       power-of-attorney, service-address)
  evidence add --case ID --kind K --name N --purpose P [--source S] [--original] FILE...
                                       添加证据（K：借款合同…或 contract…）/ add exhibits
  evidence list --case ID | evidence verify --case ID
                                       证据清单 / 校验存储文件 SHA-256 / list, re-hash stored files
  bundle --case ID --out FILE.zip [--bates-prefix P]
                                       证据材料 PDF + ZIP（manifest、SHA256SUMS）/ court bundle
  bundle verify FILE.zip|DIR           校验证据包（有问题 exit 1）/ check a bundle (exit 1 on problems)
  pack (--stage S | --cases ID,ID…) --out DIR [--as-of DATE]
                                       批量立案材料（每案一个文件夹 + 汇总表）/ filing packs
  deadline --kind K --from DATE        法定期限届满日 / one legal deadline (K: appeal-judgment|appeal-ruling|payment-order-objection|sue-after-preservation|enforcement|limitation)
  deadlines --case ID                  案件期限与诉讼时效 / a case's deadlines and limitation
  actions add --case ID --channel C --target T --at ISO_TIME [--outcome O] [--note N] [--override REASON]
                                       记录催收（违规则拒绝，exit 1）/ log a contact (blocked → exit 1)
  today                                今日待办 / today's work queue
  review FILE|DIR [--regime private|licensed] [--disbursed YUAN] [--contract-date D] [--store]
                                       合同审查（默认不保存；--store 保存审查记录，目录按批量任务审查）/ contract review (stored with --store; a DIR then runs as the batch job)
  report portfolio [--lender ID] [--owner O] [--stage S] [--from YYYY-MM] [--to YYYY-MM]
                                       看板数据（账龄 M1…M6+、阶段、回款、时效）/ dashboard numbers
  report client --lender ID --month YYYY-MM --format pdf|docx --out DIR
                                       委托人月度报告 / monthly client report
  export cases [--stage S] [--owner O] [--lender ID] --format xlsx|csv --out FILE
                                       导出案件清单（脱敏）/ export cases (masked)
默认数据目录 / default data dir: ${defaultDataDir()}`

export async function main(argv: string[]): Promise<number> {
  let json = argv.includes('--json')
  const out = createOutput(json)
  let core: OpenedCore | undefined
  try {
    const args = parseArgs(argv, VALUED, BOOLEANS)
    json = args.options.json === true
    if (args.options.help || args.positionals.length === 0) {
      process.stderr.write(USAGE + '\n')
      return args.options.help ? 0 : 2
    }
    const [name, ...rest] = args.positionals
    const command = COMMANDS[name]
    if (!command) throw new UsageError(`未知命令 ${name} / unknown command ${name}`)
    const dataDir = resolve(typeof args.options['data-dir'] === 'string' ? args.options['data-dir'] : defaultDataDir())
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
    const ctx: CommandContext = {
      args: rest,
      options: args.options,
      out,
      dataDir,
      open: async () => (core ??= await openCore({ dataDir, resourcesDir: join(ROOT, 'resources'), version })),
    }
    return await command(ctx)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`)
      return 2
    }
    if (e instanceof UserError) {
      out.error(e.toAppError())
      return 1
    }
    process.stderr.write(`内部错误 / internal error: ${(e as Error)?.stack ?? String(e)}\n`)
    return 1
  } finally {
    await core?.close()
  }
}
