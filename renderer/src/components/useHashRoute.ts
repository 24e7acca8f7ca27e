import { useEffect, useState } from 'react'

/** The current hash route split into segments: "#/cases/01H…" → ["cases", "01H…"]. */
export function readHashRoute(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
}

/**
 * The area and record of a route: "#/cases?dpdBucket=M3" is the case list (which reads its filters from the
 * query), "#/cases/01H…" a case; an empty hash opens the case list.
 */
export function routeOf([areaAndQuery = 'cases', id]: string[]): { area: string; id?: string } {
  return { area: areaAndQuery.split('?')[0], id }
}

export function useHashRoute(): string[] {
  const [route, setRoute] = useState(readHashRoute)
  useEffect(() => {
    const onChange = () => setRoute(readHashRoute())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}

export function navigate(...segments: string[]): void {
  window.location.hash = '/' + segments.map(encodeURIComponent).join('/')
}
