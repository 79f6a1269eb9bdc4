import { describe, expect, it } from 'vitest';
import {
  checkMove,
  checkOneJobPerView,
  checkOperationAllowed,
  checkUserJobLimit,
  jobModeFor,
  MAX_ACTIVE_JOBS_PER_USER,
  MAX_BULK_TICKETS,
  MAX_MASS_TICKETS,
  OPERATION_MATRIX,
} from '../../../core/rules/bulk-limits';
import type { Operation } from '../../../core/schemas/job';
import { Operation as OperationSchema } from '../../../core/schemas/job';
import { makeAccess, rulesOf, violationsOf } from './fixtures';

describe('R-BULK-1 bulk is 1–50 selected tickets, mass is 51–200,000 of a view', () => {
  it('the limits are 50 and 200,000', () => {
    expect(MAX_BULK_TICKETS).toBe(50);
    expect(MAX_MASS_TICKETS).toBe(200_000);
  });

  it.each([
    [1, 'selection', 'bulk'],
    [50, 'selection', 'bulk'],
    [1, 'view', 'bulk'],
    [50, 'view', 'bulk'],
    [51, 'view', 'mass'],
    [200_000, 'view', 'mass'],
  ] as const)('%i tickets from a %s run as %s', (count, source, mode) => {
    expect(jobModeFor(count, source)).toEqual({ ok: true, mode });
  });

  it.each([
    [0, 'selection'],
    [0, 'view'],
    [-1, 'view'],
    [Number.NaN, 'selection'],
  ] as const)('refuses %d tickets from a %s', (count, source) => {
    const result = jobModeFor(count, source);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.violations).toMatchObject([{ rule: 'R-BULK-1', message: 'Select at least one ticket.' }]);
    }
  });

  it('refuses a selection of 51, pointing to a mass action over the view', () => {
    const result = jobModeFor(51, 'selection');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.violations[0]?.rule).toBe('R-BULK-1');
      expect(result.violations[0]?.message).toMatch(/51 tickets.*at most 50.*select all tickets in the view to run a mass action/);
    }
  });

  it('refuses a view of 200,001, naming the count and the limit', () => {
    const result = jobModeFor(200_001, 'view');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.violations[0]?.rule).toBe('R-BULK-1');
      expect(result.violations[0]?.message).toMatch(/200,001 tickets.*at most 200,000/);
    }
  });
});

describe('R-BULK-2 operations and where they may run', () => {
  // Copied from the table in RULES.md: [operation, bulk (≤ 50), mass (> 50), in "all departments" view].
  const TABLE: [Operation, boolean, boolean, boolean][] = [
    ['assign', true, true, false],
    ['update_field', true, true, true],
    ['reply', true, false, false],
    ['comment', true, false, false],
    ['merge', true, false, false],
    ['close', true, false, true],
    ['delete', true, true, true],
    ['move', false, true, false],
    ['spam', true, false, true],
    ['macro', true, false, false],
    ['remove_blueprint', true, true, true],
    ['update_resolution', true, true, true],
  ];

  it('the table covers every operation of the schema exactly once', () => {
    expect(TABLE.map(([op]) => op).sort()).toEqual([...OperationSchema.options].sort());
  });

  it.each(TABLE)('OPERATION_MATRIX row for %s is bulk=%s mass=%s allDepartments=%s', (op, bulk, mass, allDepartments) => {
    expect(OPERATION_MATRIX[op]).toEqual({ bulk, mass, allDepartments });
  });

  it.each(TABLE)('%s as bulk in one department: allowed=%s', (op, bulk) => {
    const verdict = checkOperationAllowed(op, 'bulk', false);
    expect(verdict.ok).toBe(bulk);
    if (!bulk) expect(rulesOf(verdict)).toEqual(['R-BULK-2']);
  });

  it.each(TABLE)('%s as mass in one department: allowed=%s', (op, _bulk, mass) => {
    const verdict = checkOperationAllowed(op, 'mass', false);
    expect(verdict.ok).toBe(mass);
    if (!mass) expect(rulesOf(verdict)).toEqual(['R-BULK-2']);
  });

  it.each(TABLE)('%s in the all-departments view: allowed=%s', (op, bulk, _mass, allDepartments) => {
    // Run as bulk where bulk is allowed, so only the all-departments column decides.
    const verdict = checkOperationAllowed(op, bulk ? 'bulk' : 'mass', true);
    expect(verdict.ok).toBe(allDepartments);
    if (!allDepartments) expect(rulesOf(verdict)).toEqual(['R-BULK-2']);
  });

  const CROSS = TABLE.flatMap(([op, bulk, mass, allDepartments]) =>
    (['bulk', 'mass'] as const).flatMap((mode) =>
      [false, true].map((inAll) => {
        const allowed = (mode === 'bulk' ? bulk : mass) && (!inAll || allDepartments);
        return [op, mode, inAll, allowed] as const;
      }),
    ),
  );

  it.each(CROSS)('%s as %s, all-departments view %s: allowed=%s', (op, mode, inAll, allowed) => {
    expect(checkOperationAllowed(op, mode, inAll).ok).toBe(allowed);
  });

  it('says why, in words: move on a selection', () => {
    expect(violationsOf(checkOperationAllowed('move', 'bulk', false))[0]?.message).toBe('Move cannot run on a bulk selection; use a mass action over a view.');
  });

  it('says why, in words: assign in the all-departments view', () => {
    expect(violationsOf(checkOperationAllowed('assign', 'bulk', true))[0]?.message).toBe("Assign is not available in the all-departments view; open one department's view.");
  });

  it('says why, in words: reply as a mass action', () => {
    expect(violationsOf(checkOperationAllowed('reply', 'mass', false))[0]?.message).toMatch(/^Reply cannot run as a mass action; select at most 50 tickets/);
  });

  it('reports both reasons when mode and view are wrong', () => {
    expect(rulesOf(checkOperationAllowed('comment', 'mass', true))).toEqual(['R-BULK-2', 'R-BULK-2']);
  });
});

describe('R-BULK-3 move needs two departments and ticket.move in both', () => {
  const both = makeAccess({ 10: ['ticket.move'], 20: ['ticket.move'] }, { 10: 'Billing', 20: 'Sales' });

  it('allows a move between two departments with ticket.move in both', () => {
    expect(checkMove({ departmentCount: 2, sourceDepartmentId: 10, targetDepartmentId: 20, access: both }).ok).toBe(true);
  });

  it('refuses with only one department', () => {
    const verdict = checkMove({ departmentCount: 1, sourceDepartmentId: 10, targetDepartmentId: 20, access: both });
    expect(rulesOf(verdict)).toEqual(['R-BULK-3']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/at least two departments/);
  });

  it('refuses a move into the same department', () => {
    const verdict = checkMove({ departmentCount: 3, sourceDepartmentId: 10, targetDepartmentId: 10, access: both });
    expect(rulesOf(verdict)).toEqual(['R-BULK-3']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/already in department Billing/);
  });

  it('refuses without ticket.move in the source, naming it', () => {
    const access = makeAccess({ 10: ['ticket.view'], 20: ['ticket.move'] }, { 10: 'Billing', 20: 'Sales' });
    const verdict = checkMove({ departmentCount: 2, sourceDepartmentId: 10, targetDepartmentId: 20, access });
    expect(violationsOf(verdict)).toEqual([
      expect.objectContaining({ rule: 'R-BULK-3', message: expect.stringMatching(/ticket\.move in department Billing to move tickets out/) }),
    ]);
  });

  it('refuses without ticket.move in the target, naming it', () => {
    const access = makeAccess({ 10: ['ticket.move'], 20: ['ticket.view'] }, { 10: 'Billing', 20: 'Sales' });
    const verdict = checkMove({ departmentCount: 2, sourceDepartmentId: 10, targetDepartmentId: 20, access });
    expect(violationsOf(verdict)).toEqual([expect.objectContaining({ rule: 'R-BULK-3', message: expect.stringMatching(/ticket\.move in department Sales to move tickets into/) })]);
  });

  it('names both departments when both lack it', () => {
    const verdict = checkMove({ departmentCount: 2, sourceDepartmentId: 10, targetDepartmentId: 20, access: makeAccess({}) });
    expect(violationsOf(verdict).map((v) => v.message)).toEqual([expect.stringContaining('department 10'), expect.stringContaining('department 20')]);
  });
});

describe('R-BULK-6 at most 11 jobs queued or running per user; the 12th is refused', () => {
  it('the limit is 11', () => {
    expect(MAX_ACTIVE_JOBS_PER_USER).toBe(11);
  });

  it.each([0, 1, 10])('with %i active jobs a new one is allowed', (active) => {
    expect(checkUserJobLimit(active)).toEqual({ ok: true });
  });

  it('with 11 active jobs the 12th is refused with a clear message', () => {
    const verdict = checkUserJobLimit(11);
    expect(rulesOf(verdict)).toEqual(['R-BULK-6']);
    expect(violationsOf(verdict)[0]?.message).toBe('You already have 11 jobs queued or running (at most 11 at once); wait for one to finish or cancel a queued one.');
  });

  it('with more than 11 active jobs a new one is refused too', () => {
    expect(rulesOf(checkUserJobLimit(12))).toEqual(['R-BULK-6']);
  });
});

describe('R-BULK-7 one job queued or running per view', () => {
  it('allows a job on a view with no active job', () => {
    expect(checkOneJobPerView(0, 'Open tickets')).toEqual({ ok: true });
  });

  it('refuses a second job on the same view, naming it', () => {
    const verdict = checkOneJobPerView(1, 'Open tickets');
    expect(rulesOf(verdict)).toEqual(['R-BULK-7']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/already queued or running on the view "Open tickets"/);
  });

  it('refuses without a view name too', () => {
    expect(violationsOf(checkOneJobPerView(2))[0]?.message).toMatch(/on this view/);
  });
});
