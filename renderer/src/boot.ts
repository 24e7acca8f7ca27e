import { readHashRoute, routeOf } from './components/useHashRoute'
import { prefetchDashboard } from './features/dashboard/prefetch'
import { isPageKey, preloadPage } from './pages'

/**
 * The first script of the window, before the shell (main.tsx): it starts loading the chunk of the page the
 * window opens on, which the shell waits for before its first render (pages.ts), and on the dashboard asks for
 * the figures too, in parallel with the shell's scripts (bench/dashboard firstPaint).
 */
const { area, id } = routeOf(readHashRoute())
const key = area === 'cases' && id ? 'case' : area
if (isPageKey(key)) preloadPage(key)
if (key === 'dashboard') prefetchDashboard()
