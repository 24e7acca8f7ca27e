/**
 * Load a Node door: the bundle in out/node/ when it is newer than every source file, else the TypeScript
 * source through tsx (always correct, only slower to start). So the CLI works right after `npm install`,
 * starts fast after a build, and never runs stale code while someone edits the sources.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function newestSource() {
  let newest = 0
  for (const dir of ['electron', 'shared']) {
    for (const f of readdirSync(join(root, dir), { recursive: true })) {
      if (/\.(ts|mjs|json)$/.test(f)) newest = Math.max(newest, statSync(join(root, dir, f)).mtimeMs)
    }
  }
  return newest
}

/** True when out/node/<name>.js exists and is newer than every source file (loadEntry then runs it). */
export function bundleIsCurrent(name) {
  const bundle = join(root, 'out', 'node', `${name}.js`)
  return existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()
}

/** `name` is the bundle entry (out/node/<name>.js), `source` the TypeScript entry relative to the repo root. */
export async function loadEntry(name, source) {
  if (bundleIsCurrent(name)) return import(pathToFileURL(join(root, 'out', 'node', `${name}.js`)).href)
  const { register } = await import('tsx/esm/api')
  register()
  return import(pathToFileURL(join(root, source)).href)
}
