import type { Blueprint } from '../schemas/template';
import { TicketStatus } from '../schemas/ticket';
import { OK, violation, type Verdict } from './verdict';

/** R-BULK-15: while a blueprint is applied, a status change must be one of its transitions. */
export function checkBlueprintTransition(
  blueprint: Pick<Blueprint, 'name' | 'transitions'>,
  from: TicketStatus,
  to: TicketStatus,
  ticket?: { id: number; number: number },
): Verdict {
  if (from === to) return OK;
  if (blueprint.transitions.some((t) => t.from === from && t.to === to)) return OK;
  const allowed = blueprint.transitions.filter((t) => t.from === from).map((t) => t.to);
  const next = allowed.length ? `From ${from} it may go to: ${allowed.join(', ')}.` : `It cannot leave ${from} while the blueprint is applied.`;
  return violation(
    'R-BULK-15',
    `Blueprint "${blueprint.name}" does not allow ${from} → ${to}${ticket ? ` on #${ticket.number}` : ''}. ${next} Remove the blueprint to change the status freely.`,
    ticket?.id,
  );
}

type BlueprintShape = Pick<Blueprint, 'name' | 'transitions'>;

/** R-BULK-15: the statuses a blueprint's transitions name, in the usual order; a ticket under it sits in one of them. */
export const blueprintStates = (blueprint: BlueprintShape): TicketStatus[] => TicketStatus.options.filter((s) => blueprint.transitions.some((t) => t.from === s || t.to === s));

/**
 * R-BULK-15: a blueprint is applied only to a ticket of its own department whose status is one of
 * its states — otherwise no transition could ever move the ticket on, and it would be stuck.
 */
export function checkBlueprintApply(
  blueprint: BlueprintShape & Pick<Blueprint, 'departmentId'>,
  ticket: { id: number; number: number; departmentId: number; status: TicketStatus },
): Verdict {
  if (blueprint.departmentId !== ticket.departmentId) {
    return violation(
      'R-BULK-15',
      `Blueprint "${blueprint.name}" belongs to another department than ticket #${ticket.number}; apply one of its own department's blueprints.`,
      ticket.id,
    );
  }
  const states = blueprintStates(blueprint);
  if (states.includes(ticket.status)) return OK;
  return violation(
    'R-BULK-15',
    `Ticket #${ticket.number} is ${ticket.status}, which is not a state of blueprint "${blueprint.name}" (${states.join(', ')}). Change its status to one of those first, then apply the blueprint.`,
    ticket.id,
  );
}
