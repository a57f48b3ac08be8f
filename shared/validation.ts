import type { z } from 'zod';
import { fieldRules, type FieldIssue, type FieldRule } from './errors';

const isFieldRule = (value: string): value is FieldRule => (fieldRules as readonly string[]).includes(value);

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown => {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
};

/**
 * Turns zod's issues into the small, stable vocabulary the UI translates.
 * Custom refinements name their rule in the message (e.g. 'invalid_phone').
 */
export const toFieldIssues = (error: z.ZodError, input: unknown): FieldIssue[] =>
  error.issues.flatMap((issue): FieldIssue[] => {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'invalid_type':
        return [{ path, rule: valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type' }];
      case 'too_small': {
        const limit = Number(issue.minimum);
        if (issue.origin === 'string') return [limit <= 1 ? { path, rule: 'required' } : { path, rule: 'too_short', limit }];
        return [{ path, rule: 'too_small', limit }];
      }
      case 'too_big': {
        const limit = Number(issue.maximum);
        if (issue.origin === 'string') return [{ path, rule: 'too_long', limit }];
        if (issue.origin === 'array' || issue.origin === 'set') return [{ path, rule: 'too_many', limit }];
        return [{ path, rule: 'too_big', limit }];
      }
      case 'invalid_format':
        return [{ path, rule: issue.format === 'email' ? 'invalid_email' : 'invalid' }];
      case 'invalid_value':
        return [{ path, rule: 'invalid_choice' }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, rule: 'unknown_field' as const }));
      case 'custom':
        return [{ path, rule: isFieldRule(issue.message) ? issue.message : 'invalid' }];
      default:
        return [{ path, rule: 'invalid' }];
    }
  });
