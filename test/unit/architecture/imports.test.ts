import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, it } from 'vitest'

/**
 * ARCHITECTURE.md "Who may import what", enforced: the core, shared code and the renderer never import
 * Electron; the renderer and shared never import Node or main-side code; the doors reach the core only
 * through services.ts.
 */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : []
  })
}
function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8')
  return [...src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3])
}
const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|child_process$|worker_threads$|http$|events$|url$|stream$|zlib$)/
const violations = (dir: string, bad: (spec: string, file: string) => boolean) =>
  files(dir).flatMap((f) => imports(f).filter((s) => bad(s, f)).map((s) => `${relative(process.cwd(), f)} → ${s}`))

it('electron/core, shared and renderer never import electron', () => {
  for (const dir of ['electron/core', 'shared', 'renderer/src']) expect(violations(dir, (s) => s === 'electron' || s.startsWith('electron/'))).toEqual([])
})

it('renderer imports only shared code and browser packages', () => {
  expect(violations('renderer/src', (s) => NODE_BUILTINS.test(s) || /(^|\/)electron\//.test(s) || s === 'better-sqlite3')).toEqual([])
})

it('shared imports only zod and itself', () => {
  expect(violations('shared', (s) => !s.startsWith('.') && s !== 'zod')).toEqual([])
})

it('main, web and cli reach the core only through services.ts', () => {
  for (const dir of ['electron/main', 'electron/web', 'electron/cli'])
    expect(violations(dir, (s) => /\/core\//.test(s) && !/\/core\/services$/.test(s))).toEqual([])
})
