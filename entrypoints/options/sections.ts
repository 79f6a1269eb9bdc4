/**
 * The options page's sections, in the order of its navigation. Agents who are not admins see
 * only their connection and preferences; each admin section still offers only the departments
 * where the agent has settings.manage, and the backend re-checks every change.
 */
export const SECTIONS = [
  { id: 'connection', admin: false },
  { id: 'preferences', admin: false },
  { id: 'departments', admin: true },
  { id: 'roles', admin: true },
  { id: 'people', admin: true },
  { id: 'tokens', admin: true },
  { id: 'templates', admin: true },
  { id: 'macros', admin: true },
  { id: 'blueprints', admin: true },
  { id: 'mailDelivery', admin: true },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export function visibleSections(isAdmin: boolean): SectionId[] {
  return SECTIONS.filter((s) => isAdmin || !s.admin).map((s) => s.id);
}

/** The section a location hash names, falling back to the first one the agent may see. */
export function sectionFromHash(hash: string, visible: readonly SectionId[]): SectionId {
  const wanted = hash.replace(/^#/, '');
  return visible.find((id) => id === wanted) ?? visible[0]!;
}
