#!/usr/bin/env node
/**
 * `npm start`: the Electron app when its binary can be had, else the same app in the browser.
 * 1. Make sure the Electron binary is there (Electron downloads it on first use; ELECTRON_MIRROR is honoured).
 * 2. Prepare better-sqlite3 for Electron's ABI in build/native/electron/ (never touching the Node build that
 *    tests and the CLI use): a prebuilt binary via prebuild-install, else a node-gyp build against Electron's headers.
 * 3. Build and launch. If step 1 fails (no download access), say so in one line and start the web bridge.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, copyFileSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts }).status === 0

function electronBinary() {
  const pkgDir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) {
    // The electron package fetches its binary on demand; this fails where the download host is unreachable.
    if (!run(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore' }) || !existsSync(pathFile)) return null
  }
  const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? bin : null
}

function prepareNativeSqlite(electronVersion) {
  const out = join(root, 'build', 'native', 'electron')
  const target = join(out, 'better_sqlite3.node')
  if (existsSync(target)) return true
  const src = dirname(require.resolve('better-sqlite3/package.json'))
  const work = join(root, 'build', 'native', 'better-sqlite3-electron')
  cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${join('build', 'Release')}`) })
  const prebuilt = run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion], { cwd: work })
  const built = prebuilt || run('npx', ['--yes', 'node-gyp', 'rebuild', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], { cwd: work })
  if (!built) return false
  mkdirSync(out, { recursive: true })
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target)
  return true
}

const bin = electronBinary()
if (!bin) {
  console.log('无法获取 Electron 程序（下载受限）；可设置 ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ 后重新运行 npm start。现以浏览器模式启动同一应用。 / The Electron binary could not be downloaded (set ELECTRON_MIRROR to a reachable mirror and run npm start again); starting the same app in your browser instead.')
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root })
  const web = spawn(process.execPath, [join(root, 'scripts', 'web.mjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root })
  web.on('exit', (code) => process.exit(code ?? 0))
} else {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  if (!prepareNativeSqlite(electronVersion)) {
    console.error('无法为 Electron 准备 better-sqlite3（需要网络或编译工具）/ Could not prepare better-sqlite3 for Electron (needs network access or a C++ toolchain).')
    process.exit(1)
  }
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', cwd: root })
  const app = spawn(bin, [root], { stdio: 'inherit', cwd: root })
  app.on('exit', (code) => process.exit(code ?? 0))
}
