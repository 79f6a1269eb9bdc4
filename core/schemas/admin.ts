import { z } from 'zod';
import { Email, HeaderText, Id, IdParam, Text, Timestamp } from './common';
import { MacroStep } from './template';
import { Ticket, TicketStatus } from './ticket';
import { Limit } from './api';

const Name = Text.trim().min(1).max(120);

const nonEmpty = (patch: object) => Object.keys(patch).length > 0;
const NOTHING_TO_CHANGE = { message: 'Nothing to change: send at least one field.' };

const Transition = z
  .object({ from: TicketStatus, to: TicketStatus })
  .strict()
  .refine((t) => t.from !== t.to, { message: 'A transition must lead to another status.', path: ['to'] });

/** R-BULK-15: the allowed moves of a blueprint, each listed once. */
const Transitions = z
  .array(Transition)
  .min(1)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach(({ from, to }, index) => {
      const key = `${from}→${to}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `The transition ${from} → ${to} is listed twice.`, path: [index] });
      seen.add(key);
    });
  });

export const BlueprintCreate = z.object({ departmentId: Id, name: Name, transitions: Transitions }).strict();
export type BlueprintCreate = z.infer<typeof BlueprintCreate>;

export const BlueprintPatch = z.object({ name: Name.optional(), transitions: Transitions.optional() }).strict().refine(nonEmpty, NOTHING_TO_CHANGE);
export type BlueprintPatch = z.infer<typeof BlueprintPatch>;

/** R-BULK-14: a macro runs 1–50 steps on each ticket. */
const MacroSteps = z.array(MacroStep).min(1).max(50);

export const MacroCreate = z.object({ departmentId: Id, name: Name, steps: MacroSteps }).strict();
export type MacroCreate = z.infer<typeof MacroCreate>;

export const MacroPatch = z.object({ name: Name.optional(), steps: MacroSteps.optional() }).strict().refine(nonEmpty, NOTHING_TO_CHANGE);
export type MacroPatch = z.infer<typeof MacroPatch>;

export const TemplateCreate = z.object({ departmentId: Id, name: Name, subject: HeaderText.max(998).default(''), body: Text.min(1).max(100_000) }).strict();
export type TemplateCreate = z.infer<typeof TemplateCreate>;

export const TemplatePatch = z
  .object({ name: Name.optional(), subject: HeaderText.max(998).optional(), body: Text.min(1).max(100_000).optional() })
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);
export type TemplatePatch = z.infer<typeof TemplatePatch>;

const SmtpUrl = Text.max(2000)
  .regex(/^smtps?:\/\/[^/\s]+$/, 'must be smtp://[user:pass@]host[:port] or smtps://…')
  // The regex lets through hosts no URL parser reads ("smtp://a>b"), and reading it back then fails.
  .refine((url) => URL.canParse(url), 'is not a URL a mail client can read: check the host, and %-encode ":", "@" and "/" in the user or password');

/** A department's outgoing mail: its own SMTP server (null: the server's SMTP_URL) and its from-addresses. */
export const DepartmentMailPatch = z
  .object({ smtpUrl: SmtpUrl.nullable().optional(), fromAddresses: z.array(Email).min(1).max(20).optional() })
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);
export type DepartmentMailPatch = z.infer<typeof DepartmentMailPatch>;

/** What clients see of it: where mail goes, never the password. */
export const DepartmentMail = z
  .object({
    departmentId: Id,
    smtp: z.object({ host: z.string(), port: z.number().int(), secure: z.boolean(), user: z.string().nullable() }).nullable(),
    fromAddresses: z.array(Email),
  })
  .meta({ id: 'DepartmentMail' });
export type DepartmentMail = z.infer<typeof DepartmentMail>;

export const TrashQuery = z
  .object({
    departmentId: IdParam.optional(),
    cursor: Text.max(500).optional(),
    limit: Limit,
  })
  .strict();
export type TrashQuery = z.infer<typeof TrashQuery>;

/** R-BULK-11: how long the trash keeps a ticket; the API's description of the trash names it too. */
export const TRASH_DAYS = 60;

/** R-BULK-11: a trashed ticket and when it will be purged (TRASH_DAYS after it was trashed). */
export const TrashItem = z.object({ ticket: Ticket, purgeAt: Timestamp }).meta({ id: 'TrashItem' });
export type TrashItem = z.infer<typeof TrashItem>;
