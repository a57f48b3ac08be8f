import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { useDescribeIssue } from './ErrorNotice';

interface FieldProps {
  label: ReactNode;
  issue?: FieldIssue | undefined;
  hint?: ReactNode;
  /** One form control; it receives the id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  className?: string;
  /** Keep the label for screen readers only, when a group legend already says it. */
  hideLabel?: boolean;
}

/** A labelled form control with its hint and its error, wired for screen readers. */
export const Field = ({ label, issue, hint, children, className, hideLabel }: FieldProps) => {
  const id = useId();
  const describe = useDescribeIssue();
  const messageId = `${id}-message`;
  const message = issue ? describe(issue) : hint;
  return (
    <div className={`field ${issue ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {cloneElement(children, {
        id,
        'aria-invalid': issue ? true : undefined,
        'aria-describedby': message ? messageId : undefined,
      })}
      {message && (
        <div id={messageId} className={issue ? 'field-error' : 'field-hint'}>
          {message}
        </div>
      )}
    </div>
  );
};
