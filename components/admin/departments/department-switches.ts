import type { Department, DepartmentFeaturesPatch } from '../../../core/schemas/department';

export type FeatureSwitchKey = 'helpCenter' | 'cc' | 'customersMayAddCc' | 'autoAddRecipients';

/** One of a department's help center and CC switches, as the options page shows it. */
export interface FeatureSwitch {
  key: FeatureSwitchKey;
  checked: boolean;
  /** The switch that must be on before this one may be turned on; null when it can change now. */
  needs: 'helpCenter' | 'cc' | null;
  /** Shown indented under the CC switch it belongs to. */
  nested: boolean;
}

/**
 * R-CC-1: CC needs the help center; R-CC-6: its two options act only while CC is on. A switch left on
 * without what it needs can still be turned off, so nothing gets stuck.
 */
export function featureSwitches(department: Department): FeatureSwitch[] {
  const { cc, ccOptions } = department.features;
  const needing = (checked: boolean, met: boolean, needs: 'helpCenter' | 'cc') => (checked || met ? null : needs);
  return [
    { key: 'helpCenter', checked: department.helpCenter, needs: null, nested: false },
    { key: 'cc', checked: cc, needs: needing(cc, department.helpCenter, 'helpCenter'), nested: false },
    { key: 'customersMayAddCc', checked: ccOptions.customersMayAddCc, needs: needing(ccOptions.customersMayAddCc, cc, 'cc'), nested: true },
    { key: 'autoAddRecipients', checked: ccOptions.autoAddRecipients, needs: needing(ccOptions.autoAddRecipients, cc, 'cc'), nested: true },
  ];
}

/** The PATCH /departments/:id/features body that turns one switch on or off. */
export function patchFor(key: FeatureSwitchKey, on: boolean): DepartmentFeaturesPatch {
  switch (key) {
    case 'helpCenter':
      return { helpCenter: on };
    case 'cc':
      return { cc: on };
    default:
      return { ccOptions: { [key]: on } };
  }
}
