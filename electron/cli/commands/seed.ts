import { intOption, UsageError } from '../args'
import type { Command } from './index'

export const seedCommand: Command = async ({ options, out, open }) => {
  if (options.cases === undefined) throw new UsageError('seed 需要 --cases N / seed needs --cases N')
  const n = intOption(options, 'cases', 0, 1, 1_000_000)
  const seed = intOption(options, 'seed', 1, 0, 2 ** 31 - 1)
  const core = await open()
  const report = await core.services.seed(n, seed, (done, total) => out.note(`已生成 ${done}/${total} 件 / seeded ${done}/${total}`))
  out.result(report, () => `已生成 ${report.cases} 件案件（种子 ${report.seed}），用时 ${report.ms} ms / seeded ${report.cases} cases in ${report.ms} ms`)
  return 0
}
