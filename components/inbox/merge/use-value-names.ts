import { i18n } from '#i18n';
import type { Contact } from '../../../core/schemas/contact';
import { contactLabel, type ValueNames } from './merge-values';
import { useSessionStore } from '../../../stores/session';

/** Names for the ids a merge preview holds: contacts from the preview, colleagues from the directory. */
export function useValueNames(contacts: () => Contact[]): ValueNames {
  const session = useSessionStore();
  return {
    contact: (id) => {
      const contact = contacts().find((c) => c.id === id);
      return contact ? contactLabel(contact) : null;
    },
    agent: (id) => session.directory.agents.find((a) => a.id === id)?.name ?? null,
    team: (id) => session.directory.teams.find((t) => t.id === id)?.name ?? null,
    status: (status) => i18n.t(`status.${status}`),
    priority: (priority) => i18n.t(`priority.${priority}`),
  };
}
