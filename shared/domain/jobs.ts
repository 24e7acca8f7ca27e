/** A background job as the UI sees it (progress, per-item errors, the result when done). */
export interface JobView {
  id: string
  kind: string
  status: 'running' | 'done' | 'failed' | 'cancelled'
  done: number
  total: number
  current: string | null
  errors: { label: string; code: string; message: string; messageEn: string }[]
  startedAt: string
  endedAt: string | null
  result: unknown
  failure: { code: string; message: string; messageEn: string } | null
}

/** What a channel that starts a job returns at once. */
export interface JobStarted {
  jobId: string
  total: number
}
