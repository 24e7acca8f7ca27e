import type { reviewChannels } from '../../../shared/ipc/channels/review'
import { REVIEW_BATCH_JOB } from '../reviews/batch-job'
import type { HandlersFor } from './types'

export const reviewHandlers: HandlersFor<keyof typeof reviewChannels> = {
  'review.preview': (s, i) => s.reviews.preview(i),
  'review.run': (s, i) => s.reviews.run(i),
  'review.get': (s, i) => s.reviews.get(i.id),
  'review.listForCase': (s, i) => s.reviews.listForCase(i.caseId),
  'review.correct': (s, { id, corrections, ...options }) => s.reviews.correct(id, corrections, options),
  'review.applyToLoan': (s, i) => s.reviews.applyToLoan(i.id, i.loanId),
  'review.batch': (s, i) => s.jobs.start(REVIEW_BATCH_JOB, i),
}
