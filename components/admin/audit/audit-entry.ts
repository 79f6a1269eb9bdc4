import { i18n } from '#i18n';
import type { AuditEvent } from '../../../core/schemas/audit';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What one entry says was done, in words: the action with the token's label or the role's name, and why a token stopped. */
export function auditWhat(event: AuditEvent): string {
  const key = event.action.replace('.', '_');
  const named = text(event.details.label) || text(event.details.name) || text(event.details.roleNameAfter);
  const what = i18n.t(`adminPeople.audit.actions.${key}` as 'adminPeople.audit.actions.token_created', [named]);
  const reason = text(event.details.reason);
  if (reason === 'agent_deactivated' || reason === 'creator_out_of_reach') return `${what} (${i18n.t(`adminPeople.audit.reason.${reason}`)})`;
  return what;
}
