import { TRASH_DAYS } from '../../../core/schemas/admin';

const DAY_MS = 24 * 60 * 60 * 1000;

/** R-BULK-11: when a trashed ticket is purged, and the whole days left until then (never below 0). */
export function purgeOf(trashedAt: string, now = Date.now()): { at: Date; daysLeft: number } {
  const at = new Date(Date.parse(trashedAt) + TRASH_DAYS * DAY_MS);
  return { at, daysLeft: Math.max(0, Math.ceil((at.getTime() - now) / DAY_MS)) };
}
