import type { Blueprint } from '../schemas/template';
import { TicketStatus } from '../schemas/ticket';
import { list, phrase } from '../refusals/refusal';
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
  const status = (s: TicketStatus) => phrase(`status.${s}`, {});
  const next = allowed.length ? phrase('blueprint.next', { from: status(from), allowed: list(allowed.map(status)) }) : phrase('blueprint.stuck', { from: status(from) });
  const params = { blueprint: blueprint.name, from: status(from), to: status(to), next };
  if (!ticket) return violation('R-BULK-15', 'blueprint.transition', params);
  return violation('R-BULK-15', 'blueprint.transitionOn', { ...params, number: ticket.number }, ticket.id);
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
    return violation('R-BULK-15', 'blueprint.otherDepartment', { blueprint: blueprint.name, number: ticket.number }, ticket.id);
  }
  const states = blueprintStates(blueprint);
  if (states.includes(ticket.status)) return OK;
  const status = (s: TicketStatus) => phrase(`status.${s}`, {});
  return violation(
    'R-BULK-15',
    'blueprint.notAState',
    { number: ticket.number, status: status(ticket.status), blueprint: blueprint.name, states: list(states.map(status)) },
    ticket.id,
  );
}
