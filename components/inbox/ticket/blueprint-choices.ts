import { i18n } from '#i18n';
import { blueprintStates, checkBlueprintApply, checkBlueprintTransition } from '../../../core/rules/blueprint-rules';
import type { Blueprint } from '../../../core/schemas/template';
import { TicketStatus, type Ticket } from '../../../core/schemas/ticket';

const statusName = (s: TicketStatus) => i18n.t(`status.${s}`);

/**
 * R-BULK-15 in the status picker: every status, and for those the applied blueprint does not allow
 * from the current one, why (the rule's own verdict decides, the words are the agent's language).
 */
export function statusChoices(current: TicketStatus, blueprint: Pick<Blueprint, 'name' | 'transitions'> | null) {
  return TicketStatus.options.map((status) => {
    const allowed = !blueprint || checkBlueprintTransition(blueprint, current, status).ok;
    return {
      status,
      label: allowed ? statusName(status) : i18n.t('ticketBlueprint.notAllowedOption', [statusName(status)]),
      reason: allowed ? null : `R-BULK-15: ${i18n.t('ticketBlueprint.notAllowed', [blueprint!.name, statusName(current), statusName(status)])}`,
    };
  });
}

/** The statuses the ticket may go to next under the blueprint, in words; empty when it cannot leave this one. */
export function nextStatusNames(current: TicketStatus, blueprint: Pick<Blueprint, 'name' | 'transitions'>): string[] {
  return statusChoices(current, blueprint)
    .filter((c) => c.status !== current && c.reason === null)
    .map((c) => statusName(c.status));
}

/** Why this blueprint cannot be applied to the ticket now, or null (R-BULK-15: the status must be one of its states). */
export function applyBlocked(ticket: Pick<Ticket, 'id' | 'number' | 'departmentId' | 'status'>, blueprint: Blueprint): string | null {
  if (checkBlueprintApply(blueprint, ticket).ok) return null;
  const states = blueprintStates(blueprint).map(statusName).join(', ');
  return `R-BULK-15: ${i18n.t('ticketBlueprint.notAState', [ticket.number, statusName(ticket.status), blueprint.name, states])}`;
}
