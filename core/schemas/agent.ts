import { z } from 'zod';
import { Email, Id } from './common';

export const Agent = z
  .object({
    id: Id,
    email: Email,
    name: z.string().min(1).max(200),
    active: z.boolean(),
  })
  .meta({ id: 'Agent' });
export type Agent = z.infer<typeof Agent>;

export const Team = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    departmentId: Id,
    memberIds: z.array(Id),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof Team>;
