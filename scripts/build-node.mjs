#!/usr/bin/env node
/**
 * Bundles the Node doors (the CLI, the web bridge and the job worker) into out/node/ so they start without
 * compiling TypeScript through tsx's loader hooks on every run (seconds on a laptop; see bin/casedesk.mjs).
 * Dependencies stay external and load natively. Runs in `npm run build`, `npm test` and after `npm install`.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
let build
try {
  ;({ build } = await import('vite'))
} catch {
  console.warn('vite 未安装，跳过 Node 入口打包（命令行将直接编译 TypeScript 运行）/ vite not installed: skipping the Node bundle (the CLI will run from source)')
  process.exit(0)
}
if (!existsSync(join(root, 'electron', 'cli', 'main.ts'))) process.exit(0)

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: join(root, 'out', 'node'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        cli: join(root, 'electron/cli/main.ts'),
        web: join(root, 'electron/web/main.ts'),
        // The job runner looks for ./jobs-worker.js beside its own chunk.
        'jobs-worker': join(root, 'electron/core/jobs/worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
})
