import type { z } from 'zod';
import { archiveContract } from './archive';
import { auditContract } from './audit';
import { authContract } from './auth';
import { backupContract } from './backup';
import { complaintsContract } from './complaints';
import { conflictsContract } from './conflicts';
import { counterContract } from './counter';
import { customersContract } from './customers';
import type { Returns } from './define';
import { devicesContract } from './devices';
import { filesContract } from './files';
import { jobsContract } from './jobs';
import { loyaltyContract } from './loyalty';
import { mergeContract } from './merge';
import { referralsContract } from './referrals';
import { remindersContract } from './reminders';
import { sessionContract } from './session';
import { settingsContract } from './settings';
import { staffContract } from './staff';
import { timelineContract } from './timeline';
import { transferContract } from './transfer';
import { visitsContract } from './visits';
import { winbackContract } from './winback';

/** Every handler of the app: name → input schema, output type, who may call it. */
export const contract = {
  ...customersContract,
  ...counterContract,
  ...visitsContract,
  ...timelineContract,
  ...staffContract,
  ...settingsContract,
  ...sessionContract,
  ...authContract,
  ...auditContract,
  ...mergeContract,
  ...archiveContract,
  ...remindersContract,
  ...winbackContract,
  ...backupContract,
  ...transferContract,
  ...filesContract,
  ...jobsContract,
  ...complaintsContract,
  ...loyaltyContract,
  ...referralsContract,
  ...conflictsContract,
  ...devicesContract,
} as const;

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type InputOf<N extends HandlerName> = z.input<Contract[N]['input']>;
/** What the handler receives after validation. */
export type ParsedInputOf<N extends HandlerName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends HandlerName> = Contract[N]['output'] extends Returns<infer O> ? O : never;

export const handlerNames = Object.keys(contract) as HandlerName[];

export const isHandlerName = (name: unknown): name is HandlerName =>
  typeof name === 'string' && Object.hasOwn(contract, name);
