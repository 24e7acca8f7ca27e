import { borrowerService } from './borrowers/service'
import { calcService } from './calc/service'
import { collectionService } from './collection/service'
import { reviewService, type ReviewPeers } from './reviews/service'
import { caseService } from './cases/service'
import { createContext, type CoreContext } from './context'
import type { Db } from './db/open'
import { createDispatcher, type Dispatch } from './dispatch'
import { createIdFactory, type IdFactory } from './ids'
import { lenderService } from './lenders/service'
import { loanService } from './loans/service'
import type { Platform } from './platform'
import { systemService } from './system/service'
import { createJobRunner } from './jobs/runner'
import { seedCases } from './seed/service'
import { importService } from './import/service'
import { documentService, type DocumentPeers } from './documents/service'
import { reportService } from './reports/service'
import { evidenceService } from './evidence/service'

export type { Platform } from './platform'
export type { Dispatch } from './dispatch'
export { openDb, type Db } from './db/open'
export { openCore, type OpenedCore } from './open-core'
export { defaultDataDir, dbFileIn, backupsDirIn } from './paths'
export { autoBackup, restoreFrom } from './db/backup'
export { UserError } from './errors'

/**
 * The composition root: every door (Electron main, the web bridge, the CLI, the tests) builds the core with
 * this one call and talks to it through `dispatch` (the contract) — or, for the CLI's own commands, the
 * services themselves.
 */
export function createServices(db: Db, platform: Platform, newId: IdFactory = createIdFactory()) {
  const ctx = createContext(db, platform, newId)
  const services = {
    ctx,
    lenders: lenderService(ctx),
    borrowers: borrowerService(ctx),
    loans: loanService(ctx),
    cases: caseService(ctx),
    system: systemService(ctx),
    calc: calcService(ctx),
    collection: collectionService(ctx),
    import: importService(ctx),
    reports: reportService(ctx),
    evidence: evidenceService(ctx),
    reviews: reviewService(ctx, (): ReviewPeers => services),
    documents: documentService(ctx, (): DocumentPeers => withJobs),
    seed: async (n: number, seed?: number, onProgress?: (done: number, total: number) => void) => {
      const report = await seedCases(ctx, n, seed, onProgress)
      await services.reports.refreshLimitationRisks() // seeding writes no limitation rows: the dashboard's are filled now
      return report
    },
  }
  // Jobs plan and finish with the services they belong to, hence the runner comes last.
  const withJobs = { ...services, jobs: createJobRunner(ctx, (): unknown => withJobs) }
  return withJobs
}

export type Services = ReturnType<typeof createServices>

export interface Core {
  services: Services
  dispatch: Dispatch
  ctx: CoreContext
}

export function createCore(db: Db, platform: Platform): Core {
  const services = createServices(db, platform)
  return { services, dispatch: createDispatcher(services), ctx: services.ctx }
}
