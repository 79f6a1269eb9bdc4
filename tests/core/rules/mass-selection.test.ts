import { describe, expect, it } from 'vitest';
import { checkSelectAll, confirmationMatches, MASS_OPERATIONS, TYPED_CONFIRMATION } from '../../../core/rules/mass-selection';

const normal = { kind: 'normal' as const, filter: {}, name: 'Open' };

describe('mass selection', () => {
  it('R-BULK-2 offers exactly the mass column: assign, update a field, delete, move, remove blueprint, update resolution', () => {
    expect([...MASS_OPERATIONS].sort()).toEqual(['assign', 'delete', 'move', 'remove_blueprint', 'update_field', 'update_resolution']);
    expect(TYPED_CONFIRMATION).toEqual(['delete', 'move']);
  });

  it('R-BULK-1 select all takes up to 200,000 tickets and refuses 200,001 with the count', () => {
    expect(checkSelectAll(normal, 200_000).ok).toBe(true);
    expect(checkSelectAll(normal, 51).ok).toBe(true);
    expect(checkSelectAll(normal, 20).ok).toBe(true);
    const refused = checkSelectAll(normal, 200_001);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.violations[0]).toMatchObject({ rule: 'R-BULK-1', message: expect.stringContaining('200,001') });
    expect(checkSelectAll(normal, 0).ok).toBe(false);
  });

  it('R-BULK-5 a blueprint view refuses select all beyond 50 tickets; R-BULK-4 the spam view refuses it at any size', () => {
    const blueprint = { kind: 'normal' as const, filter: { blueprintId: 3 }, name: 'Refund process' };
    expect(checkSelectAll(blueprint, 50).ok).toBe(true);
    const refused = checkSelectAll(blueprint, 51);
    expect(!refused.ok && refused.violations[0]!.rule).toBe('R-BULK-5');
    const spam = checkSelectAll({ kind: 'spam', filter: {}, name: 'Spam' }, 10);
    expect(!spam.ok && spam.violations[0]!.rule).toBe('R-BULK-4');
  });

  it('a typed count matches with separators or full-width digits, and nothing else', () => {
    expect(confirmationMatches('12500', 12_500)).toBe(true);
    expect(confirmationMatches(' 12,500 ', 12_500)).toBe(true);
    expect(confirmationMatches('12 500', 12_500)).toBe(true);
    expect(confirmationMatches('１２５００', 12_500)).toBe(true);
    expect(confirmationMatches('１２，５００', 12_500)).toBe(true);
    expect(confirmationMatches('12499', 12_500)).toBe(false);
    expect(confirmationMatches('', 0)).toBe(false);
    expect(confirmationMatches('12500 tickets', 12_500)).toBe(false);
    expect(confirmationMatches('-12500', 12_500)).toBe(false);
  });
});
