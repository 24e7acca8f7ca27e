import { readFileSync } from 'node:fs'
import { UserError } from '../../core/services'
import { UsageError } from '../args'
import { invoke, type Command } from './index'

/** `casedesk calc FILE.json`: the calculator's output for an explicit input file (issue 3's input shape). */
export const calcCommand: Command = async ({ args, out, open }) => {
  if (!args[0]) throw new UsageError('用法：calc FILE.json / usage: calc FILE.json')
  let input: unknown
  try {
    input = JSON.parse(readFileSync(args[0], 'utf8'))
  } catch (e) {
    throw new UserError('BAD_INPUT_FILE', `无法读取计算参数文件 ${args[0]}：${(e as Error).message}`, `Cannot read the input file ${args[0]}: ${(e as Error).message}`)
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new UserError('BAD_INPUT_FILE', '计算参数文件应为一个 JSON 对象', 'The input file must hold one JSON object')
  const { result } = await invoke(await open(), 'calc.claim', { input: input as Record<string, unknown> })
  out.result(result, () =>
    [`依法可主张合计 / supportable total: ¥${result.total}（按合同约定 / by contract terms: ¥${result.uncapped.total}）`,
      `本金 ${result.principalOutstanding}  借期内利息 ${result.termInterest}  借期内费用 ${result.termFees}  逾期利息 ${result.overdueInterest}  违约金及逾期费用 ${result.penaltyAndOverdueFees}  费用 ${result.expenses}`,
      `上限 / cap: ${result.cap.basis}`,
      ...result.lines.map((l) => `${l.from} → ${l.to}  ${l.days} 天  ${l.base} × ${l.rate ?? '—'}  = ${l.amount}  ${l.basis}`),
      ...result.warnings.map((w) => `注意 / warning: ${w.message}`)].join('\n'))
  return 0
}

/** `casedesk court-fee --claim YUAN`. */
export const courtFeeCommand: Command = async ({ options, out, open }) => {
  if (typeof options.claim !== 'string') throw new UsageError('court-fee 需要 --claim YUAN / court-fee needs --claim YUAN')
  const fee = await invoke(await open(), 'calc.courtFee', { claim: options.claim })
  out.result(fee, () => `案件受理费 ¥${fee.fullFee}（约 ${fee.fullFeeYuan} 元）；减半 ¥${fee.halfFee}；支付令 ¥${fee.paymentOrderFee}；保全申请费 ¥${fee.preservationFee}`)
  return 0
}
