import type { Blueprint } from '../schemas/template';
import type { TicketStatus } from '../schemas/ticket';
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
