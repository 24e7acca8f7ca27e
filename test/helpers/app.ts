import type { Browser, BrowserContext, Page } from 'playwright-core'
import { openCore, type OpenedCore } from '../../electron/core/services'
import { startWebBridge, type WebBridge } from '../../electron/web/server'
import { ensureRendererBuilt, launchChromium } from './browser'
import { tempDir } from './temp'

/**
 * The whole app as an e2e test drives it: the real core over a fresh data directory, the web bridge serving the
 * built renderer, and a Chromium page. `call` goes through the same dispatcher as the page does.
 */
export interface TestApp {
  core: OpenedCore
  bridge: WebBridge
  browser: Browser
  context: BrowserContext
  page: Page
  /** The bridge URL with this run's token; append a hash route (`#/cases/…`). */
  url: string
  call<T = any>(channel: string, input?: unknown): Promise<T>
  close(): Promise<void>
}

export async function startTestApp(opts: { actor: string; viewport?: { width: number; height: number }; permissions?: string[]; setup?: (call: TestApp['call'], core: OpenedCore) => Promise<void> }): Promise<TestApp> {
  const rendererDir = ensureRendererBuilt()
  const core = await openCore({ dataDir: tempDir(), resourcesDir: 'resources', version: 'e2e', actor: opts.actor })
  const call: TestApp['call'] = async (channel, input) => {
    const r = await core.dispatch(channel, input)
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
    return r.data as never
  }
  await opts.setup?.(call, core)
  const bridge = await startWebBridge(core, { rendererDir })
  const browser = await launchChromium()
  const context = await browser.newContext(opts.viewport ? { viewport: opts.viewport } : {})
  if (opts.permissions) await context.grantPermissions(opts.permissions, { origin: `http://127.0.0.1:${bridge.port}` })
  const page = await context.newPage()
  return {
    core, bridge, browser, context, page, url: bridge.url, call,
    async close() {
      await browser.close()
      await bridge.close()
      await core.close()
    },
  }
}
