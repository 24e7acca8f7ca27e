import type { EvidenceThumbnail } from '../../../../shared/domain/evidence'
import { UserError } from '../../errors'
import { defineJob } from '../../jobs/registry'
import type { Services } from '../../services'

/**
 * Heavy thumbnails (a DOCX converted by LibreOffice, a large PDF parsed by pdf-lib) are made in a job worker,
 * so the thread that answers every other call — Electron's main process, the web bridge — never waits seconds
 * for one. One at a time: a list full of DOCX exhibits starts one LibreOffice after another, not all at once.
 */
export const THUMBNAIL_JOB = 'evidence.thumbnail'

defineJob(THUMBNAIL_JOB, {
  async plan(_s, id: string) {
    return [id]
  },
  maxThreads: 1,
  async runUnit(ctx, id: string): Promise<EvidenceThumbnail> {
    return ctx.services.evidence.thumbnail(id)
  },
  async finish(_s, _id, results): Promise<EvidenceThumbnail | null> {
    return (results[0]?.result as EvidenceThumbnail | undefined) ?? null
  },
})

let queue: Promise<unknown> = Promise.resolve()

/** The exhibit's thumbnail, made in a worker; the unit's error (encrypted, damaged, not convertible) is thrown as it was. */
export function thumbnailInWorker(s: Services, id: string): Promise<EvidenceThumbnail> {
  const turn = queue.then(async () => {
    const done = await s.jobs.wait((await s.jobs.start(THUMBNAIL_JOB, id)).jobId)
    const err = done.errors[0] ?? done.failure
    if (err || !done.result) throw err ? new UserError(err.code, err.message, err.messageEn, { details: { id } }) : new Error(`thumbnail job ${done.id} ended ${done.status}`)
    return done.result as EvidenceThumbnail
  })
  queue = turn.catch(() => undefined)
  return turn
}
