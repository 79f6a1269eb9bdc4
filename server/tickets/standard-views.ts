import type { ViewFilter, ViewKind } from '../../core/schemas/view';

export interface ViewSeed {
  name: string;
  kind: ViewKind;
  departmentId: number | null;
  filter: ViewFilter;
}

/** Every status but closed: what "shared open" views and the dashboard call open. */
export const ACTIVE_STATUSES: ViewFilter['statuses'] = ['open', 'on_hold', 'waiting_on_customer', 'escalated'];

/** The views every department starts with, so its tickets can be listed, selected in bulk and mass-actioned at once. */
export function standardViews(departmentId: number): ViewSeed[] {
  return [
    { name: 'Open tickets', kind: 'normal', departmentId, filter: { statuses: ['open'] } },
    { name: 'My unassigned', kind: 'normal', departmentId, filter: { unassigned: true } },
    { name: 'Spam', kind: 'spam', departmentId, filter: { spam: true } },
    { name: 'Shared open tickets', kind: 'shared_open', departmentId, filter: { statuses: ACTIVE_STATUSES } },
    { name: 'Shared tickets', kind: 'shared', departmentId, filter: {} },
    { name: 'Archived', kind: 'archived', departmentId, filter: { statuses: ['closed'] } },
  ];
}
