import { describe, expect, it } from 'vitest';
import { nextStatuses, transitionProblems, unusedTransition } from '../../../core/rules/blueprint-draft';
import { BlueprintCreate } from '../../../core/schemas/admin';
import { TicketStatus } from '../../../core/schemas/ticket';

const t = (from: TicketStatus, to: TicketStatus) => ({ from, to });

describe('R-BULK-15 blueprint transitions while editing', () => {
  it('accepts distinct moves to other statuses', () => {
    expect(transitionProblems([t('open', 'escalated'), t('escalated', 'closed')])).toEqual([null, null]);
  });

  it('flags a move to the same status and a repeated move on its second listing', () => {
    const list = [t('open', 'closed'), t('on_hold', 'on_hold'), t('open', 'closed'), t('open', 'closed')];
    expect(transitionProblems(list)).toEqual([null, 'sameStatus', 'listedTwice', 'listedTwice']);
  });

  it('flags exactly the rows the schema refuses', () => {
    const list = [t('open', 'closed'), t('closed', 'closed'), t('open', 'closed'), t('closed', 'open')];
    const parsed = BlueprintCreate.safeParse({ departmentId: 1, name: 'B', transitions: list });
    const refusedRows = new Set(parsed.success ? [] : parsed.error.issues.map((i) => i.path[1]));
    const flaggedRows = new Set(transitionProblems(list).flatMap((p, i) => (p ? [i] : [])));
    expect(flaggedRows).toEqual(refusedRows);
  });

  it('lists, per status in the usual order, where a ticket may go', () => {
    const summary = nextStatuses([t('open', 'escalated'), t('open', 'on_hold'), t('escalated', 'closed'), t('open', 'escalated'), t('closed', 'closed')]);
    expect(summary).toEqual([
      { from: 'open', to: ['on_hold', 'escalated'] },
      { from: 'on_hold', to: [] },
      { from: 'waiting_on_customer', to: [] },
      { from: 'escalated', to: ['closed'] },
      { from: 'closed', to: [] },
    ]);
  });

  it('offers a transition not yet listed, or the first one when all twenty are', () => {
    expect(unusedTransition([])).toEqual(t('open', 'on_hold'));
    expect(unusedTransition([t('open', 'on_hold'), t('open', 'waiting_on_customer')])).toEqual(t('open', 'escalated'));
    const all = TicketStatus.options.flatMap((from) => TicketStatus.options.filter((to) => to !== from).map((to) => t(from, to)));
    expect(all).toHaveLength(20);
    expect(unusedTransition(all)).toEqual(t('open', 'on_hold'));
  });
});
