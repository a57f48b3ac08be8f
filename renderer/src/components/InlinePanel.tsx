import { useState, type ReactNode } from 'react';

/**
 * A form opened in place under the button that toggles it (done, snooze, a new reminder): Escape
 * closes it, as it closes a dialog, and the focus goes back to that button rather than to the top
 * of the page. A key pressed inside a dialog of its own (a calendar) is that dialog's.
 */
export const InlinePanel = ({ onClose, children }: { onClose: () => void; children: ReactNode }) => {
  // Read while rendering, before a field in the panel takes the focus: the button that opened it.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  return (
    <div
      className="inline-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented || (event.target as HTMLElement).closest('dialog')) return;
        event.preventDefault();
        onClose();
        opener?.focus();
      }}
    >
      {children}
    </div>
  );
};
