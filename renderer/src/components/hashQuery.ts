/** The query part of the hash route ("#/cases?dpdBucket=M3&owner=张律师" → its URLSearchParams). */
export function hashQuery(): URLSearchParams {
  const hash = window.location.hash
  const q = hash.indexOf('?')
  return new URLSearchParams(q === -1 ? '' : hash.slice(q + 1))
}

/** Go to the case list with filters, e.g. casesWith({ dpdBucket: 'M3' }). */
export function casesWith(filters: Record<string, string | undefined>): void {
  const q = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]))
  window.location.hash = `/cases${q.size ? `?${q.toString()}` : ''}`
}

/** One value of the hash query if it is one of `allowed`, else undefined (a hand-edited URL never breaks a page). */
export function hashParam<T extends string>(name: string, allowed?: readonly T[]): T | undefined {
  const v = hashQuery().get(name)?.trim()
  if (!v) return undefined
  return !allowed || (allowed as readonly string[]).includes(v) ? (v as T) : undefined
}
