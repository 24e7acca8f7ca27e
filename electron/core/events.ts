import { EventEmitter } from 'node:events'

/**
 * Events the core pushes to whoever is listening (job progress, job done). The Electron main forwards them
 * to the window; the web bridge streams them over SSE.
 */
export interface CoreEvent {
  type: string
  payload: unknown
}

export class CoreEvents extends EventEmitter {
  emitEvent(e: CoreEvent): void {
    this.emit('event', e)
  }
  onEvent(listener: (e: CoreEvent) => void): () => void {
    this.on('event', listener)
    return () => this.off('event', listener)
  }
}
