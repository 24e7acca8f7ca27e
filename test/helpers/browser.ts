import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium, driven by playwright-core (no browser download: TOOLCHAIN.md §5). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** The e2e tests drive the built renderer; build it once if `npm test` has not already. */
export function ensureRendererBuilt(): string {
  const dir = join(process.cwd(), 'out', 'renderer')
  if (!existsSync(join(dir, 'index.html'))) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
  return dir
}
