import { err, ok } from '../../../shared/result';
import type { HandlerImpls } from '../registry';

export const filesHandlers: HandlerImpls = {
  'files-upload-begin': (ctx, { name, sizeBytes }) => ctx.data.uploads.begin(name, sizeBytes),
  'files-upload-chunk': (ctx, { uploadId, offset, data }) => ctx.data.uploads.chunk(uploadId, offset, data),
  'files-pick': async (ctx, { purpose }) => {
    if (ctx.data.dialogs === null) return err('INVALID_STATE', { reason: 'no_native_dialog' });
    return ok({ path: await ctx.data.dialogs.pick(purpose) });
  },
};
