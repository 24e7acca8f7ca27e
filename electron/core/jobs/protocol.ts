import type { UnitError } from './types'

/** Messages between the runner (main thread) and its workers. */
export interface WorkerInit {
  kind: string
  params: unknown
  core: { dataDir: string; resourcesDir: string; version: string; actor: string; clockOffsetMs: number; sqliteBinding?: string }
}

export type ToWorker = { type: 'unit'; index: number; unit: unknown } | { type: 'stop' } | { type: 'cancel' }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'unit-done'; index: number; result: unknown }
  | { type: 'unit-error'; index: number; error: UnitError }
  | { type: 'progress'; done: number; total: number; current?: string }
  | { type: 'fatal'; error: { code: string; message: string; messageEn: string } }
