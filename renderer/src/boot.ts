import { prefetchDashboard } from './features/dashboard/prefetch'

/**
 * The first script of the window, before the shell (main.tsx): tiny, so it runs as soon as it arrives. When the
 * window opens on the dashboard it asks for the figures and starts loading the page's chunk right away, in
 * parallel with the shell's scripts, instead of after React has rendered the frame (bench/dashboard firstPaint).
 */
if (window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] === 'dashboard') {
  prefetchDashboard()
  void import('./features/dashboard/DashboardPage')
}
