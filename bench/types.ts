/**
 * One benchmark's result, printed by `npm run bench` as one JSON line.
 * `anchor` names what the number is compared with (a raw SQLite statement, LibreOffice, sha256sum …)
 * and `ratio` is ours ÷ anchor (lower is better for times).
 */
export interface BenchResult {
  name: string
  n: number
  medianMs: number
  p95Ms?: number
  throughputPerSec?: number
  target?: string
  anchor?: { name: string; medianMs?: number; throughputPerSec?: number; ratio?: number }
  extra?: Record<string, unknown>
}

/** A bench file's default export. */
export type Bench = () => Promise<BenchResult[]>
