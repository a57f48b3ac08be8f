import { err, ok } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { HandlerImpls } from '../registry';
import { inviteDevice, joinDevice } from './devices';
import { readDevice, readInvitation } from './device';
import { qrModules } from './qr';

/**
 * Settings → Devices and the shell's sync status. Owner only but for the status (the contract says
 * who); what the owner does to the book's sharing goes into the audit trail.
 */
export const devicesHandlers: HandlerImpls = {
  'devices-list': (ctx) => ok(ctx.data.sync.devices()),
  'devices-invite': (ctx) => {
    const code = inviteDevice(ctx.db, ctx.data.bookFile, ctx.now());
    recordAudit(ctx, { action: 'device.invite', entity: 'device', entityId: readDevice(ctx.data.bookFile)?.deviceId ?? '' });
    return ok({ code, qr: qrModules(code), address: readInvitation(code)?.address ?? null });
  },
  'devices-join': (ctx, { code, name }) => {
    const joined = joinDevice(ctx.db, ctx.data.bookFile, code, name);
    if (!joined.ok) return joined;
    recordAudit(ctx, { action: 'device.join', entity: 'device', entityId: joined.value.deviceId });
    return ok({ ...joined.value, peer: readDevice(ctx.data.bookFile)?.peer ?? null });
  },
  'devices-rename': (ctx, { id, name }) => {
    const before = ctx.data.sync.devices().find((device) => device.id === id)?.name;
    const renamed = ctx.data.sync.rename(id, name);
    if (renamed.ok) recordAudit(ctx, { action: 'device.rename', entity: 'device', entityId: id, before: { deviceName: before }, after: { deviceName: name } });
    return renamed;
  },
  'devices-remove': (ctx, { id }) => {
    const removed = ctx.data.sync.remove(id);
    if (removed.ok) recordAudit(ctx, { action: 'device.remove', entity: 'device', entityId: id, before: { deviceName: removed.value.find((device) => device.id === id)?.name } });
    return removed;
  },
  'sync-status': (ctx) => ok(ctx.data.sync.status()),
  'sync-folder-set': (ctx, { folder }) => {
    if (readDevice(ctx.data.bookFile) === null) return err('INVALID_STATE', { reason: 'not_shared' });
    const before = ctx.data.sync.status().folder;
    const status = ctx.data.sync.setFolder(folder);
    recordAudit(ctx, { action: 'sync.folder', entity: 'device', entityId: readDevice(ctx.data.bookFile)?.deviceId ?? '', before: { folder: before }, after: { folder: status.folder } });
    return ok(status);
  },
  'sync-serve-set': async (ctx, { serving }) => {
    const changed = await ctx.data.sync.setServing(serving);
    if (changed.ok) recordAudit(ctx, { action: 'sync.serve', entity: 'device', entityId: readDevice(ctx.data.bookFile)?.deviceId ?? '', after: { serving, address: changed.value.serving?.address ?? null } });
    return changed;
  },
  'sync-now': (ctx) => ctx.data.sync.syncNow(),
};
