import { type Kysely, type Migration, sql } from 'kysely'

/**
 * A loan without an instalment schedule starts its limitation period at its maturity date
 * (collection/limitation-inputs.ts). The dashboard's limitation-risk candidates (reports/limitation-risk.ts)
 * find such loans by a range of this index, as they find the others by loan_last_due_date (0013).
 */
export const loanMaturity: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX loans_maturity ON loans(maturity_date)`.execute(db)
  },
}
