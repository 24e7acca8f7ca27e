import type { Dashboard } from '../../../../shared/domain/report'
import { call } from '../../api'

/**
 * The dashboard's unfiltered figures asked for as the window starts (renderer/src/boot.ts), while the shell and
 * the page's chunk are still loading: the page's first render then usually has them and draws the charts at
 * once instead of a placeholder frame followed by a round trip. Used once; filters and later visits ask again.
 */
let early: { promise: Promise<Dashboard>; value?: Dashboard } | null = null

export function prefetchDashboard(): void {
  const entry: NonNullable<typeof early> = { promise: call('reports.dashboard', {}) }
  entry.promise.then((d) => (entry.value = d), () => undefined) // a failure is reported when the page takes it
  early = entry
}

/** The prefetched figures (if any), handed over once: `value` when they have already arrived. */
export function takePrefetched(): { promise: Promise<Dashboard>; value?: Dashboard } | null {
  const e = early
  early = null
  return e
}
