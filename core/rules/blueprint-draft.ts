import type { Blueprint } from '../schemas/template';
import { TicketStatus } from '../schemas/ticket';

type Transition = Blueprint['transitions'][number];

/** A transition in the editor's list, with an id that stays with it (for keys and focus). */
export interface TransitionRow extends Transition {
  uid: number;
}

export const transitionRowsOf = (transitions: readonly Transition[]): TransitionRow[] => transitions.map((t, i) => ({ uid: i + 1, from: t.from, to: t.to }));

/** R-BULK-15: why one row of a blueprint being edited would be refused (the refinements of BlueprintCreate). */
export type TransitionProblem = 'sameStatus' | 'listedTwice';

/** Each row's problem, or null; a repeated row is flagged on its second and later listings, as the schema does. */
export function transitionProblems(transitions: readonly Transition[]): (TransitionProblem | null)[] {
  const seen = new Set<string>();
  return transitions.map(({ from, to }) => {
    const key = `${from}→${to}`;
    const twice = seen.has(key);
    seen.add(key);
    if (from === to) return 'sameStatus';
    return twice ? 'listedTwice' : null;
  });
}

/** R-BULK-15: for every status, in the usual order, where a ticket may go next while the blueprint is applied. */
export function nextStatuses(transitions: readonly Transition[]): { from: TicketStatus; to: TicketStatus[] }[] {
  return TicketStatus.options.map((from) => ({
    from,
    to: TicketStatus.options.filter((to) => to !== from && transitions.some((t) => t.from === from && t.to === to)),
  }));
}

/** A row to add that is not yet listed, so "add" starts from something valid while one is left. */
export function unusedTransition(transitions: readonly Transition[]): Transition {
  const pairs = TicketStatus.options.flatMap((from) => TicketStatus.options.filter((to) => to !== from).map((to) => ({ from, to })));
  return pairs.find((p) => !transitions.some((t) => t.from === p.from && t.to === p.to)) ?? pairs[0]!;
}
