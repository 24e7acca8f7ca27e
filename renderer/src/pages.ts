import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/**
 * Each page is its own chunk, loaded when first shown: the first screen parses only the shell and its own page
 * (the dashboard's ECharts, the import wizard, the evidence tools … load with their page).
 */
const LOADERS = {
  today: () => import('./features/collection/TodayPage').then((m) => m.TodayPage),
  cases: () => import('./features/case-list/CaseListPage').then((m) => m.CaseListPage),
  case: () => import('./features/case-detail/CaseDetailPage').then((m) => m.CaseDetailPage),
  dashboard: () => import('./features/dashboard/DashboardPage').then((m) => m.DashboardPage),
  import: () => import('./features/import/ImportPage').then((m) => m.ImportPage),
  calculator: () => import('./features/calculator/CalculatorPage').then((m) => m.CalculatorPage),
  review: () => import('./features/review/ReviewPage').then((m) => m.ReviewPage),
  documents: () => import('./features/documents/DocumentsPage').then((m) => m.DocumentsPage),
  evidence: () => import('./features/evidence/EvidencePage').then((m) => m.EvidencePage),
  settings: () => import('./features/settings/SettingsPage').then((m) => m.SettingsPage),
} satisfies Record<string, () => Promise<ComponentType<never>>>

export type PageKey = keyof typeof LOADERS
export const isPageKey = (key: string): key is PageKey => Object.hasOwn(LOADERS, key)
type Module<P> = { default: ComponentType<P> }

const loaded = new Map<PageKey, ComponentType<never>>()
const loading: Promise<unknown>[] = []

/**
 * Starts loading the window's first page before the shell renders (boot.ts). The shell then waits for it
 * (whenPreloaded) and renders page and shell in one pass: a page still loading would first commit its Suspense
 * fallback, and React holds back revealing the content for 300 ms after a fallback was shown.
 */
export function preloadPage(key: PageKey): void {
  loading.push(LOADERS[key]().then((c) => loaded.set(key, c as ComponentType<never>)))
}

/** Settles once every preloaded page has arrived or failed (a failed one loads again, lazily, when shown). */
export function whenPreloaded(): Promise<void> {
  return Promise.allSettled(loading).then(() => undefined)
}

/**
 * The page as a lazy component. One already preloaded resolves synchronously (React's lazy reads a thenable
 * that resolves inside `then` at once), so it renders without suspending.
 */
export function page<P extends object = object>(key: PageKey): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => {
    const ready = loaded.get(key) as ComponentType<P> | undefined
    if (ready) return { then: (resolve: (m: Module<P>) => void) => resolve({ default: ready }) } as unknown as Promise<Module<P>>
    return LOADERS[key]().then((c) => ({ default: c as ComponentType<P> }))
  })
}
