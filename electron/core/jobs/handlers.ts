import { ok } from '../../../shared/result';
import type { HandlerImpls } from '../registry';

export const jobsHandlers: HandlerImpls = {
  'jobs-list': (ctx) => ok(ctx.data.jobs.list()),
  'jobs-cancel': (ctx, { jobId }) => ok({ cancelling: ctx.data.jobs.cancel(jobId) }),
};
