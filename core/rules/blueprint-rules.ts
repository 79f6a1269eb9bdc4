import type { Blueprint } from '../schemas/template';
import type { TicketStatus } from '../schemas/ticket';
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
