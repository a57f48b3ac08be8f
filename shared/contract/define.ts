import type { z } from 'zod';

export const roles = ['owner', 'staff'] as const;
export type Role = (typeof roles)[number];

/**
 * Who may call a handler. 'staff' means anyone at the counter (the owner included);
 * 'owner' means only after the owner has unlocked.
 */
export type Access = Role;

declare const outputMarker: unique symbol;
/** Carries a handler's output type in the contract without any runtime value. */
export type Returns<T> = { readonly [outputMarker]: T };
export const returns = <T>(): Returns<T> => ({}) as Returns<T>;

export interface HandlerSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  output: Returns<O>;
  access: Access;
  /** Writes to the book: the core announces a data change after it succeeds. */
  mutates: boolean;
}

export const handler = <I extends z.ZodType, O>(spec: HandlerSpec<I, O>): HandlerSpec<I, O> => spec;

export const mayCall = (role: Role, access: Access): boolean => access === 'staff' || role === 'owner';
