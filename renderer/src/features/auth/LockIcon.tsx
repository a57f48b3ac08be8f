/** A padlock, closed or open, drawn in the text colour (no emoji font needed). */
export const LockIcon = ({ open }: { open: boolean }) => (
  <svg className="lock-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
    <path d={open ? 'M5 7V5a3 3 0 0 1 5.8-1.1' : 'M5 7V5a3 3 0 0 1 6 0v2'} fill="none" stroke="currentColor" strokeWidth="1.6" />
  </svg>
);
