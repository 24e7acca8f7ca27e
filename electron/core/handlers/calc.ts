import type { calcChannels } from '../../../shared/ipc/channels/calc'
import type { HandlersFor } from './types'

export const calcHandlers: HandlersFor<keyof typeof calcChannels> = {
  'calc.claim': async (s, i) => ('loanId' in i ? s.calc.claimForLoan(i.loanId, i.asOf, i.filingDate) : { input: i.input as never, result: await s.calc.claim(i.input) }),
  'calc.courtFee': async (s, i) => s.calc.courtFee(i.claim),
  'settings.lprTable': (s) => s.calc.lprTableView(),
  'settings.importLprTable': (s, i) => s.calc.importLprTable(i.table),
}
