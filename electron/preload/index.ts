import { contextBridge, ipcRenderer } from 'electron'

/**
 * The renderer's only door into the main process: one generic `rpc` invoke channel (the contract decides
 * what exists), the event stream, and the shell's open/print of a stored document. Nothing else of Node or Electron leaks.
 */
contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke('rpc', channel, input),
  onEvent: (listener: (e: unknown) => void) => {
    const wrapped = (_: unknown, e: unknown) => listener(e)
    ipcRenderer.on('core-event', wrapped)
    return () => ipcRenderer.off('core-event', wrapped)
  },
  openDocument: (id: string) => ipcRenderer.invoke('shell:openDocument', id),
  printDocument: (id: string) => ipcRenderer.invoke('shell:printDocument', id),
})
