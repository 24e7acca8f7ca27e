// Worker bootstrap when running from source (CLI, web bridge, tests): tsx compiles the TypeScript worker.
// The Electron build bundles electron/core/jobs/worker.ts as out/main/jobs-worker.js instead.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
