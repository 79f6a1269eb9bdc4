import { describe, expect, it } from 'vitest';
import { featureSwitches, patchFor } from '../../../../components/admin/departments/department-switches';
import { defaultDepartmentFeatures, type Department } from '../../../../core/schemas/department';

const department = (helpCenter: boolean, features: Partial<Department['features']> = {}): Department => ({
  id: 1,
  name: 'Support',
  supportAddresses: ['support@demo.example'],
  fromAddresses: [],
  helpCenter,
  features: { ...defaultDepartmentFeatures, ...features },
});
const needsOf = (d: Department) => Object.fromEntries(featureSwitches(d).map((s) => [s.key, s.needs]));

describe('the help center and CC switches of a department', () => {
  it('R-CC-1 CC waits for the help center; R-CC-6 its options wait for CC', () => {
    expect(needsOf(department(false))).toEqual({ helpCenter: null, cc: 'helpCenter', customersMayAddCc: 'cc', autoAddRecipients: 'cc' });
    expect(needsOf(department(true))).toEqual({ helpCenter: null, cc: null, customersMayAddCc: 'cc', autoAddRecipients: 'cc' });
    expect(needsOf(department(true, { cc: true }))).toEqual({ helpCenter: null, cc: null, customersMayAddCc: null, autoAddRecipients: null });
  });

  it('a switch left on without what it needs can still be turned off', () => {
    const stale = department(false, { cc: true });
    expect(needsOf(stale).cc).toBeNull();
    const options = department(true, { cc: false, ccOptions: { customersMayAddCc: true, autoAddRecipients: false } });
    expect(needsOf(options)).toMatchObject({ customersMayAddCc: null, autoAddRecipients: 'cc' });
  });

  it('shows each switch as the department has it, the options under CC', () => {
    const d = department(true, { cc: true, ccOptions: { customersMayAddCc: false, autoAddRecipients: true } });
    expect(featureSwitches(d).map((s) => [s.key, s.checked, s.nested])).toEqual([
      ['helpCenter', true, false],
      ['cc', true, false],
      ['customersMayAddCc', false, true],
      ['autoAddRecipients', true, true],
    ]);
  });

  it('changes one switch at a time', () => {
    expect(patchFor('helpCenter', true)).toEqual({ helpCenter: true });
    expect(patchFor('cc', false)).toEqual({ cc: false });
    expect(patchFor('autoAddRecipients', true)).toEqual({ ccOptions: { autoAddRecipients: true } });
  });
});
