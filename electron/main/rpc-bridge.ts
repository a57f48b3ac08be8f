import { ipcMain, type BrowserWindow } from 'electron';
import { originOf } from '../../shared/contract/events';
import { err } from '../../shared/result';
import type { Core } from '../core/core';
import { isTrustedSender } from './security';

export const rpcChannel = 'rpc';

export const eventChannel = 'event';

/** The one IPC entry point: the same registry browser mode calls, behind a sender-frame check. */
export const installRpcBridge = (core: Core, window: BrowserWindow): void => {
  ipcMain.handle(rpcChannel, (event, name: unknown, input: unknown, origin: unknown) => {
    const frame = event.senderFrame;
    const fromMainFrame = frame !== null && event.sender === window.webContents && frame === window.webContents.mainFrame;
    if (!isTrustedSender(frame?.url, fromMainFrame)) return err('UNAUTHORIZED');
    return core.callUnknown(name, input, originOf(origin));
  });
};

/** Pushes an event to the renderer, which receives it through preload's `on`. */
export const sendToRenderer = (window: BrowserWindow, event: string, payload: unknown): void => {
  if (!window.isDestroyed()) window.webContents.send(eventChannel, event, payload);
};
