import { describe, expect, it } from 'vitest';
import { checkBlueprintTransition } from '../../../core/rules/blueprint-rules';

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
