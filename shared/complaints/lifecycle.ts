/**
 * The complaint lifecycle: open → acknowledged → resolved → followed up → closed, with reopen from
 * any settled state. Pure, so the core refuses illegal steps and the screens offer only legal ones.
 */
export const complaintStates = ['open', 'acknowledged', 'resolved', 'followed_up', 'closed'] as const;
export type ComplaintState = (typeof complaintStates)[number];

export const complaintActions = ['acknowledge', 'resolve', 'follow_up', 'close', 'reopen'] as const;
export type ComplaintAction = (typeof complaintActions)[number];

/** Where each action may start from and where it leads. Resolving an open complaint answers it too. */
const steps: Record<ComplaintAction, { from: readonly ComplaintState[]; to: ComplaintState }> = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  resolve: { from: ['open', 'acknowledged'], to: 'resolved' },
  follow_up: { from: ['resolved'], to: 'followed_up' },
  close: { from: ['resolved', 'followed_up'], to: 'closed' },
  reopen: { from: ['resolved', 'followed_up', 'closed'], to: 'acknowledged' },
};

/** The INVALID_STATE reason each refused action answers (translated in shared/i18n/errors.ts). */
export const refusalReasons = {
  acknowledge: 'complaint_cannot_acknowledge',
  resolve: 'complaint_cannot_resolve',
  follow_up: 'complaint_cannot_follow_up',
  close: 'complaint_cannot_close',
  reopen: 'complaint_cannot_reopen',
} as const satisfies Record<ComplaintAction, string>;

export type TransitionOutcome = { ok: true; to: ComplaintState } | { ok: false; reason: (typeof refusalReasons)[ComplaintAction] };

export const transition = (state: ComplaintState, action: ComplaintAction): TransitionOutcome => {
  const step = steps[action];
  return step.from.includes(state) ? { ok: true, to: step.to } : { ok: false, reason: refusalReasons[action] };
};

/** The actions a complaint in `state` allows, in the order the screen offers them. */
export const allowedActions = (state: ComplaintState): ComplaintAction[] => complaintActions.filter((action) => steps[action].from.includes(state));

/** Still the shop's to act on: its promises run and it sits on the board's active columns. */
export const isActive = (state: ComplaintState): boolean => state === 'open' || state === 'acknowledged';
