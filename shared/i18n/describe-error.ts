import type { AppError } from '../errors';
import type { Language } from '../locale';
import { errorMessages } from './errors';
import { fill } from './messages';

/** One translated sentence for an error value, for places without React (CLI, host start-up). */
export const describeError = (error: AppError, language: Language): string => {
  const messages = errorMessages[language];
  switch (error.code) {
    case 'NOT_FOUND':
      return fill(messages.codes.NOT_FOUND, { entity: messages.entities[error.details.entity] });
    case 'INVALID_STATE': {
      const states: Record<string, string> = messages.states;
      return states[error.details.reason] ?? messages.codes.INVALID_STATE;
    }
    case 'FILE_REFUSED': {
      const { reason, ...values } = error.details;
      return fill(messages.files[reason], values);
    }
    case 'VALIDATION_FAILED': {
      const rules = error.details.issues.map((issue) => `${issue.path || '—'}: ${fill(messages.rules[issue.rule], { limit: issue.limit ?? '' })}`);
      return [messages.codes.VALIDATION_FAILED, ...rules].join(' ');
    }
    default:
      return fill(messages.codes[error.code], (error.details ?? {}) as Record<string, string | number>);
  }
};
