import { expect, it } from 'vitest'
import { dropBefore, indent, move, outdent, type Slot } from '../../renderer/src/features/evidence/arrange'

/** The evidence list's client-side moves: the order they produce is what evidence.arrange stores. */
const list: Slot[] = [{ id: 'a', parentId: null }, { id: 'a1', parentId: 'a' }, { id: 'a2', parentId: 'a' }, { id: 'b', parentId: null }, { id: 'c', parentId: null }]
const ids = (l: Slot[] | null) => l?.map((s) => (s.parentId ? `${s.parentId}>${s.id}` : s.id))

it('moves a top-level exhibit with its sub-items, and a sub-item within its group', () => {
  expect(ids(move(list, 'b', -1))).toEqual(['b', 'a', 'a>a1', 'a>a2', 'c'])
  expect(ids(move(list, 'a', 1))).toEqual(['b', 'a', 'a>a1', 'a>a2', 'c'])
  expect(ids(move(list, 'a2', -1))).toEqual(['a', 'a>a2', 'a>a1', 'b', 'c'])
  expect(move(list, 'a1', -1)).toBeNull()
  expect(move(list, 'c', 1)).toBeNull()
})

it('groups under the exhibit above and takes out again', () => {
  expect(ids(indent(list, 'b'))).toEqual(['a', 'a>a1', 'a>a2', 'a>b', 'c'])
  expect(indent(list, 'a')).toBeNull()
  expect(ids(outdent(list, 'a1'))).toEqual(['a', 'a>a2', 'a1', 'b', 'c'])
  expect(outdent(list, 'b')).toBeNull()
})

it('drops a row before another at the target’s level; a group cannot go inside a group', () => {
  expect(ids(dropBefore(list, 'c', 'a'))).toEqual(['c', 'a', 'a>a1', 'a>a2', 'b'])
  expect(ids(dropBefore(list, 'c', 'a2'))).toEqual(['a', 'a>a1', 'a>c', 'a>a2', 'b'])
  expect(ids(dropBefore(list, 'a', 'c'))).toEqual(['b', 'a', 'a>a1', 'a>a2', 'c'])
  expect(dropBefore(list, 'a', 'a1')).toBeNull()
})
