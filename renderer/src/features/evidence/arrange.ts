/**
 * Reordering and grouping on the client, as pure functions over the list in display order (each top-level
 * exhibit followed by its sub-items). The result is what `evidence.arrange` takes; null means "no move".
 */
export interface Slot {
  id: string
  parentId: string | null
}

/** The list cut into groups: a top-level exhibit with its sub-items. */
function groups(list: Slot[]): Slot[][] {
  const out: Slot[][] = []
  for (const s of list) {
    if (!s.parentId || out.length === 0) out.push([s])
    else out[out.length - 1].push(s)
  }
  return out
}

/** Moves an exhibit one place up or down among its siblings (a top-level one moves with its sub-items). */
export function move(list: Slot[], id: string, dir: -1 | 1): Slot[] | null {
  const item = list.find((s) => s.id === id)
  if (!item) return null
  const gs = groups(list)
  if (!item.parentId) {
    const i = gs.findIndex((g) => g[0].id === id)
    const j = i + dir
    if (j < 0 || j >= gs.length) return null
    ;[gs[i], gs[j]] = [gs[j], gs[i]]
    return gs.flat()
  }
  const g = gs.find((x) => x[0].id === item.parentId)!
  const i = g.findIndex((s) => s.id === id)
  const j = i + dir
  if (j < 1 || j >= g.length) return null
  ;[g[i], g[j]] = [g[j], g[i]]
  return gs.flat()
}

/** Makes a top-level exhibit without sub-items the last sub-item of the exhibit above it. */
export function indent(list: Slot[], id: string): Slot[] | null {
  const gs = groups(list)
  const i = gs.findIndex((g) => g[0].id === id)
  if (i < 1 || gs[i].length > 1) return null
  gs[i - 1].push({ id, parentId: gs[i - 1][0].id })
  gs.splice(i, 1)
  return gs.flat()
}

/** Takes a sub-item out of its group; it becomes the top-level exhibit right after the group. */
export function outdent(list: Slot[], id: string): Slot[] | null {
  const gs = groups(list)
  const gi = gs.findIndex((g) => g.some((s) => s.id === id && s.parentId))
  if (gi < 0) return null
  gs[gi] = gs[gi].filter((s) => s.id !== id)
  gs.splice(gi + 1, 0, [{ id, parentId: null }])
  return gs.flat()
}

/** Drag and drop: puts the dragged exhibit (with its sub-items) before the target, at the target's level. */
export function dropBefore(list: Slot[], dragged: string, target: string): Slot[] | null {
  if (dragged === target) return null
  const d = list.find((s) => s.id === dragged)
  const t = list.find((s) => s.id === target)
  if (!d || !t) return null
  const carried = list.filter((s) => s.id === dragged || s.parentId === dragged)
  if (carried.length > 1 && t.parentId) return null
  if (carried.some((s) => s.id === target)) return null
  const rest = list.filter((s) => !carried.includes(s))
  const at = rest.findIndex((s) => s.id === target)
  const moved = carried.map((s) => (s.id === dragged ? { id: s.id, parentId: t.parentId } : s))
  rest.splice(at, 0, ...moved)
  return rest
}
