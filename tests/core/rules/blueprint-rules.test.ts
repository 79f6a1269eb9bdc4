import { describe, expect, it } from 'vitest';
import { blueprintStates, checkBlueprintApply, checkBlueprintTransition } from '../../../core/rules/blueprint-rules';

const blueprint = {
  name: 'Refund approval',
  transitions: [
    { from: 'open', to: 'escalated' },
    { from: 'escalated', to: 'closed' },
  ] as const,
} as const;

describe('R-BULK-15 blueprint transitions', () => {
  it('allows a listed transition and an unchanged status', () => {
    expect(checkBlueprintTransition({ ...blueprint, transitions: [...blueprint.transitions] }, 'open', 'escalated').ok).toBe(true);
    expect(checkBlueprintTransition({ ...blueprint, transitions: [...blueprint.transitions] }, 'open', 'open').ok).toBe(true);
  });

  it('refuses a transition the blueprint does not list, naming the allowed ones and the ticket', () => {
    const verdict = checkBlueprintTransition({ ...blueprint, transitions: [...blueprint.transitions] }, 'open', 'closed', { id: 7, number: 1207 });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.violations).toEqual([expect.objectContaining({ rule: 'R-BULK-15', ticketId: 7, message: expect.stringContaining('may go to: escalated') })]);
    expect(verdict.violations[0]!.message).toContain('on #1207');
  });

  it('says a status with no outgoing transition is final while applied', () => {
    const verdict = checkBlueprintTransition({ ...blueprint, transitions: [...blueprint.transitions] }, 'closed', 'open');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.violations[0]!.message).toContain('cannot leave closed');
  });
});

describe('R-BULK-15 applying a blueprint', () => {
  const refund = { ...blueprint, transitions: [...blueprint.transitions], departmentId: 2 };
  const ticket = { id: 7, number: 1207, departmentId: 2, status: 'open' as const };

  it('its states are the statuses its transitions name, in the usual order', () => {
    expect(
      blueprintStates({
        name: 'x',
        transitions: [
          { from: 'escalated', to: 'closed' },
          { from: 'open', to: 'escalated' },
        ],
      }),
    ).toEqual(['open', 'escalated', 'closed']);
  });

  it('applies to a ticket of its department in one of its states', () => {
    expect(checkBlueprintApply(refund, ticket).ok).toBe(true);
    expect(checkBlueprintApply(refund, { ...ticket, status: 'closed' }).ok).toBe(true);
  });

  it('refuses a status outside its states, naming the ticket, the states and what to do', () => {
    const verdict = checkBlueprintApply(refund, { ...ticket, status: 'on_hold' });
    expect(verdict).toMatchObject({
      ok: false,
      violations: [
        {
          rule: 'R-BULK-15',
          ticketId: 7,
          key: 'blueprint.notAState',
          message:
            'Ticket #1207 is on_hold, which is not a state of blueprint "Refund approval" (open, escalated, closed). Change its status to one of those first, then apply the blueprint.',
        },
      ],
    });
  });

  it("refuses another department's blueprint", () => {
    const verdict = checkBlueprintApply(refund, { ...ticket, departmentId: 3 });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.violations[0]!.message).toContain('another department than ticket #1207');
  });
});
