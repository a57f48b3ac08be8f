import type { KeyboardEvent } from 'react';

/** Ctrl+Enter (⌘+Enter) submits a form from any of its fields, text boxes included, as everywhere in the app. */
export const submitOnCtrlEnter = (event: KeyboardEvent<HTMLFormElement>) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
};
