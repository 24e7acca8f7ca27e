import type { Migration, MigrationProvider } from 'kysely'
import { initial } from './0001-initial'
import { contractReviews } from './0002-contract-reviews'
import { reports } from './0004-reports'
import { documents } from './0005-documents'
import { importTables } from './0006-import'
import { evidence } from './0007-evidence'
import { collectionFacts } from './0008-collection-facts'
import { reviewExhibit } from './0009-review-exhibit'
import { importWriteCosts } from './0010-import-write-costs'
import { reportTallies } from './0011-report-tallies'
import { loanLastDue } from './0013-loan-last-due'
import { loanMaturity } from './0014-loan-maturity'

/**
 * Every migration in order, imported statically: the bundled app has no migrations folder to scan.
 * Names sort lexically; never rename or edit a released one — add a new file.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-contract-reviews': contractReviews,
  '0004-reports': reports,
  '0005-documents': documents,
  '0006-import': importTables,
  '0007-evidence': evidence,
  '0008-collection-facts': collectionFacts,
  '0009-review-exhibit': reviewExhibit,
  '0010-import-write-costs': importWriteCosts,
  '0011-report-tallies': reportTallies,
  '0013-loan-last-due': loanLastDue,
  '0014-loan-maturity': loanMaturity,
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS
  },
}

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!
