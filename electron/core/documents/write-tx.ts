import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'

/**
 * A write transaction that takes the write lock at BEGIN (`BEGIN IMMEDIATE`). Batch workers each hold their
 * own connection to the store; a plain deferred transaction that reads (the audit chain's last hash) and then
 * writes can fail with SQLITE_BUSY when another worker committed in between, whereas an immediate one waits
 * its turn (busy_timeout) and then reads the latest chain head.
 */
export async function writeTransaction<T>(db: Kysely<Database>, fn: (ex: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn)
    try {
      const out = await fn(conn)
      await sql`COMMIT`.execute(conn)
      return out
    } catch (e) {
      await sql`ROLLBACK`.execute(conn)
      throw e
    }
  })
}
