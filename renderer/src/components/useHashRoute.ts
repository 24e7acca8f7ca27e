import { useEffect, useState } from 'react'

/** The current hash route split into segments: "#/cases/01H…" → ["cases", "01H…"]. */
export function readHashRoute(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
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
