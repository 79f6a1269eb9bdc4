import type {
  agents,
  apiTokens,
  auditEvents,
  blueprints,
  comments,
  customFields,
  contacts,
  departments,
  jobs,
  macros,
  mailboxes,
  replyRecipients,
  roles,
  satisfactionRatings,
  teams,
  templates,
  threads,
  tickets,
  views,
} from './schema';

/** One name per table for a row as it is read, so every module speaks of the same thing the same way. */
export type AgentRow = typeof agents.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
export type BlueprintRow = typeof blueprints.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type JobRow = typeof jobs.$inferSelect;
export type MacroRow = typeof macros.$inferSelect;
export type MailboxRow = typeof mailboxes.$inferSelect;
export type ReplyRecipientRow = typeof replyRecipients.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;
export type SatisfactionRatingRow = typeof satisfactionRatings.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;
export type TemplateRow = typeof templates.$inferSelect;
export type ThreadRow = typeof threads.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;
export type ViewRow = typeof views.$inferSelect;
export type CustomFieldRow = typeof customFields.$inferSelect;
