import type { View } from '../schemas/view';

/** Where in the mailbox the agent is looking, as far as it decides which view their selection is in. */
export type MailFolder = 'inbox' | 'spam' | 'trash' | 'other';

type Pickable = Pick<View, 'id' | 'kind' | 'departmentId' | 'filter'>;

/**
 * The department's main open view: a normal view of open tickets with no narrower criterion
 * ("Open tickets" in the seed), else its first normal view. Not "My unassigned" (a narrower one),
 * and never a kind R-BULK-4 refuses, which would block every action on a selection made there.
 */
export function mainOpenView<V extends Pickable>(views: readonly V[], departmentId: number | null): V | null {
  const normal = views.filter((v) => v.kind === 'normal' && v.departmentId === departmentId);
  const narrowness = (v: V) => Object.keys(v.filter).length;
  const open = normal.filter((v) => v.filter.statuses?.includes('open') === true).sort((a, b) => narrowness(a) - narrowness(b) || a.id - b.id);
  return open[0] ?? normal[0] ?? null;
}

/**
 * The view a webmail selection is made in (R-BULK-4/5/7 apply to it): the mailbox's spam folder is the
 * department's spam view; anywhere else the agent works the department's open tickets.
 */
export function viewForFolder<V extends Pickable>(folder: MailFolder, views: readonly V[], departmentId: number | null): V | null {
  if (folder === 'spam') {
    const spam = views.find((v) => v.kind === 'spam' && v.departmentId === departmentId);
    if (spam) return spam;
  }
  return mainOpenView(views, departmentId);
}
