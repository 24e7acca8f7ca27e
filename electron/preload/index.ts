import { contextBridge, ipcRenderer } from 'electron'

/**
 * The renderer's only door into the main process: one generic `rpc` invoke channel (the contract decides
 * what exists), the event stream, and the shell's print/open actions. Nothing else of Node or Electron leaks.
 */
contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke('rpc', channel, input),
  onEvent: (listener: (e: unknown) => void) => {
    const wrapped = (_: unknown, e: unknown) => listener(e)
    ipcRenderer.on('core-event', wrapped)
    return () => ipcRenderer.off('core-event', wrapped)
  },
  print: () => ipcRenderer.invoke('shell:print'),
})
