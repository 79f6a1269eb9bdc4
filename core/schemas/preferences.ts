import { z } from 'zod';
import { Id } from './common';

/** What each agent sets for themselves on the options page; kept in this browser only. */
export const Preferences = z
  .object({
    /** Where new tickets go when the mailbox is no department's support address; null: the first department the agent can edit. */
    defaultDepartmentId: Id.nullable(),
  })
  .strict();
export type Preferences = z.infer<typeof Preferences>;

export const defaultPreferences: Preferences = { defaultDepartmentId: null };
