import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, intOption } from '../cli/args'
import { autoBackup, backupsDirIn, defaultDataDir, openCore } from '../core/services'
import { startWebBridge } from './server'

/** `npm run web -- [--data-dir D] [--port P]`: the app in the browser, on this machine only. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export async function main(argv: string[]): Promise<void> {
  const { options } = parseArgs(argv, new Set(['data-dir', 'port']), new Set())
  const dataDir = resolve(typeof options['data-dir'] === 'string' ? options['data-dir'] : defaultDataDir())
  const port = intOption(options, 'port', 5178, 0, 65535)
  const rendererDir = join(ROOT, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer 不存在，请先运行 npm run build / the renderer is not built: run npm run build first')
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
  const core = await openCore({ dataDir, resourcesDir: join(ROOT, 'resources'), version })
  await autoBackup(core.db, backupsDirIn(dataDir), new Date())
  const bridge = await startWebBridge(core, { rendererDir, port })
  console.log(`案件台已在浏览器模式启动 / CaseDesk is running in the browser:\n  ${bridge.url}\n数据目录 / data: ${dataDir}\n按 Ctrl+C 退出 / Ctrl+C to stop`)
  const stop = async () => {
    await bridge.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
