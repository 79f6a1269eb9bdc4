import { z } from 'zod';
import { Agent, Team } from './agent';
import { Id } from './common';
import { Department } from './department';

/** An agent as colleagues see them: who they are and where they work (for assignee pickers and initials). */
export const Colleague = Agent.extend({ departmentIds: z.array(Id) }).meta({ id: 'Colleague' });
export type Colleague = z.infer<typeof Colleague>;

export const Directory = z.object({ departments: z.array(Department), agents: z.array(Colleague), teams: z.array(Team) }).meta({ id: 'Directory' });
export type Directory = z.infer<typeof Directory>;
