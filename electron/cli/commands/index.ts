import type { ChannelName, InputOf, OutputOf } from '../../../shared/ipc/contract'
import { UserError, type OpenedCore } from '../../core/services'
import type { ParsedArgs } from '../args'
import type { Output } from '../output'
import { auditCommand } from './audit'
import { calcCommand, courtFeeCommand } from './calc'
import { actionsCommand, deadlineCommand, deadlinesCommand, todayCommand } from './collection'
import { backupCommand, dbCommand, restoreCommand } from './db'
import { casesCommand } from './cases'
import { generateCommand } from './generate'
import { importCommand } from './import'
import { bundleCommand, evidenceCommand, packCommand } from './evidence'
import { reviewCommand } from './review'
import { exportCommand, reportCommand } from './reports'
import { seedCommand } from './seed'
import { validateCommand } from './validate'

export interface CommandContext {
  args: string[]
  options: ParsedArgs['options']
  out: Output
  dataDir: string
  /** Opens the store on first use (restore must run with it closed, so nothing opens it eagerly). */
  open(): Promise<OpenedCore>
}

export type Command = (ctx: CommandContext) => Promise<number>

export const COMMANDS: Record<string, Command> = {
  seed: seedCommand,
  import: importCommand,
  cases: casesCommand,
  validate: validateCommand,
  db: dbCommand,
  audit: auditCommand,
  backup: backupCommand,
  restore: restoreCommand,
  calc: calcCommand,
  'court-fee': courtFeeCommand,
  generate: generateCommand,
  evidence: evidenceCommand,
  bundle: bundleCommand,
  pack: packCommand,
  deadline: deadlineCommand,
  deadlines: deadlinesCommand,
  actions: actionsCommand,
  today: todayCommand,
  review: reviewCommand,
  report: reportCommand,
  export: exportCommand,
}

/** Call a contract channel through the same dispatcher as the app; a failed Result becomes a UserError (exit 1). */
export async function invoke<C extends ChannelName>(core: OpenedCore, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new UserError(r.error.code, r.error.message, r.error.messageEn, { field: r.error.field, details: r.error.details })
  return r.data as OutputOf<C>
}
