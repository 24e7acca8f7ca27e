import { type Kysely, type Migration, sql } from 'kysely'

/**
 * A contract review points at the exhibit that holds its contract file (issue 7: "the review is stored with the
 * contract file as evidence"). Removing an exhibit keeps its row (evidence is never erased), so the link only
 * goes when the exhibit row itself goes. Frozen once released, like 0001.
 */
export const reviewExhibit: Migration = {
  async up(db: Kysely<unknown>) {
    await sql.raw(`ALTER TABLE contract_reviews ADD COLUMN evidence_id TEXT REFERENCES evidence_items(id) ON DELETE SET NULL`).execute(db)
    await sql.raw(`CREATE INDEX contract_reviews_evidence ON contract_reviews(evidence_id)`).execute(db)
  },
}
