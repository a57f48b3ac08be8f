import { err, ok } from '../../../shared/result';
import type { HandlerImpls } from '../registry';
import { inviteDevice, joinDevice } from './devices';
import { readDevice } from './device';
import { qrModules } from './qr';

/** Settings → Devices and the shell's sync status. Owner only but for the status (the contract says who). */
export const devicesHandlers: HandlerImpls = {
  'devices-list': (ctx) => ok(ctx.data.sync.devices()),
  'devices-invite': (ctx) => {
    const code = inviteDevice(ctx.db, ctx.data.bookFile, ctx.now());
    return ok({ code, qr: qrModules(code) });
  },
  'devices-join': (ctx, { code }) => joinDevice(ctx.db, ctx.data.bookFile, code),
  'devices-rename': (ctx, { id, name }) => ctx.data.sync.rename(id, name),
  'devices-remove': (ctx, { id }) => ctx.data.sync.remove(id),
  'sync-status': (ctx) => ok(ctx.data.sync.status()),
  'sync-folder-set': (ctx, { folder }) => {
    if (readDevice(ctx.data.bookFile) === null) return err('INVALID_STATE', { reason: 'not_shared' });
    return ok(ctx.data.sync.setFolder(folder));
  },
  'sync-now': (ctx) => ctx.data.sync.syncNow(),
};
