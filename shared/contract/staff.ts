import { z } from 'zod';
import { limits } from '../limits';
import { handler, returns } from './define';
import { id, requiredText } from './fields';

export interface StaffMember {
  id: string;
  name: string;
  active: boolean;
}

export const staffContract = {
  'staff-list': handler({
    input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    output: returns<StaffMember[]>(),
    access: 'staff',
    mutates: false,
  }),
  'staff-create': handler({
    input: z.strictObject({ name: requiredText(limits.staffName) }),
    output: returns<StaffMember>(),
    access: 'owner',
    mutates: true,
  }),
  'staff-update': handler({
    input: z.strictObject({ id, name: requiredText(limits.staffName), active: z.boolean() }),
    output: returns<StaffMember>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
