import { describe, expect, it } from 'vitest';
import { mainOpenView, viewForFolder } from '../../../core/rules/folder-view';
import type { View } from '../../../core/schemas/view';

const view = (id: number, name: string, kind: View['kind'], departmentId: number | null, filter: View['filter']) => ({ id, name, kind, departmentId, filter });
// The seed's standard views, listed by name as the API does ("My unassigned" before "Open tickets").
const views = [
  view(1, 'Archived', 'archived', 1, { statuses: ['closed'] }),
  view(2, 'My unassigned', 'normal', 1, { unassigned: true }),
  view(3, 'Urgent and high', 'normal', 1, { priorities: ['urgent', 'high'], statuses: ['open', 'on_hold'] }),
  view(4, 'Open tickets', 'normal', 1, { statuses: ['open'] }),
  view(5, 'Spam', 'spam', 1, { spam: true }),
  view(6, 'Shared open tickets', 'shared_open', 1, { statuses: ['open', 'on_hold'] }),
  view(7, 'Open tickets', 'normal', 2, { statuses: ['open'] }),
  view(8, 'All departments', 'all_departments', null, {}),
];

describe('the view a webmail selection is made in', () => {
  it("defaults to the department's main open view, not a narrower or refused one", () => {
    expect(mainOpenView(views, 1)?.id).toBe(4);
    expect(mainOpenView(views, 2)?.id).toBe(7);
    expect(viewForFolder('inbox', views, 1)?.name).toBe('Open tickets');
    expect(viewForFolder('other', views, 1)?.id).toBe(4);
    expect(viewForFolder('trash', views, 1)?.id).toBe(4);
  });

  it('R-BULK-4 the spam folder is the spam view', () => {
    expect(viewForFolder('spam', views, 1)?.id).toBe(5);
    // A department without a spam view falls back to its open tickets rather than to nothing.
    expect(viewForFolder('spam', views, 2)?.id).toBe(7);
  });

  it('falls back to any normal view, and to none when the department has none', () => {
    expect(mainOpenView([views[1]!, views[0]!], 1)?.id).toBe(2);
    expect(mainOpenView([views[0]!, views[4]!], 1)).toBeNull();
    expect(mainOpenView(views, 3)).toBeNull();
  });
});
