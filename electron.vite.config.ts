import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

/**
 * Three builds: the Electron main process (ESM, the core bundled in, native and npm deps external),
 * the preload as ONE CommonJS file (a sandboxed preload cannot be ESM), and the renderer from renderer/.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The job worker is its own entry: worker threads load it as out/main/jobs-worker.js.
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts'), 'jobs-worker': resolve(__dirname, 'electron/core/jobs/worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // Minified: the window parses less before its first paint (bench/dashboard.bench.ts firstPaint).
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
