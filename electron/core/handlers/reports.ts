import type { reportsChannels } from '../../../shared/ipc/channels/reports'
import type { HandlersFor } from './types'

export const reportsHandlers: HandlersFor<keyof typeof reportsChannels> = {
  'reports.dashboard': async (s, i) => s.reports.dashboard(i),
  'reports.exportCases': (s, i) => s.reports.exportCases(i),
  'reports.exportAggregate': (s, i) => s.reports.exportAggregate(i),
  'reports.client': (s, i) => s.reports.clientReport(i),
}
