import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The renderer's whole view of the desktop: call a handler, listen to an event. Nothing else
 * crosses the bridge (no ipcRenderer, no Node).
 */
contextBridge.exposeInMainWorld('regulars', {
  invoke: (name: string, input: unknown, origin: string): Promise<unknown> => ipcRenderer.invoke('rpc', name, input, origin),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('event', forward);
    return () => ipcRenderer.removeListener('event', forward);
  },
});
