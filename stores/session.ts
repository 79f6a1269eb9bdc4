import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { hasPermission } from '../core/rules/permissions';
import type { Directory } from '../core/schemas/directory';
import type { ConnectionStatus } from '../core/schemas/messages';
import { defaultPreferences, type Preferences } from '../core/schemas/preferences';
import { send } from '../messaging/send';

/** Who is signed in and who their colleagues are, as the background knows it. */
export const useSessionStore = defineStore('session', () => {
  const status = shallowRef<ConnectionStatus | null>(null);
  const directory = shallowRef<Directory>({ departments: [], agents: [], teams: [] });
  const preferences = shallowRef<Preferences>(defaultPreferences);
  /** Whether `preferences` are the stored ones: until then they are defaults, which a save would write over the stored choice. */
  const preferencesLoaded = shallowRef(false);

  const departments = computed(() => status.value?.me?.departments ?? []);
  const access = computed(() => ({
    agentId: status.value?.me?.agent.id ?? 0,
    departments: departments.value.map((d) => ({ departmentId: d.departmentId, departmentName: d.departmentName, permissions: d.permissions })),
  }));
  const editableDepartments = computed(() => departments.value.filter((d) => hasPermission(access.value, 'ticket.edit', d.departmentId)));

  async function load() {
    status.value = await send('connection.status', {});
    await loadPreferences();
    if (status.value.configured) directory.value = await send('directory.get', {}).catch(() => directory.value);
  }

  /** A failed load keeps what is known (defaults, or the stored ones from before): creating tickets still works with them. */
  async function loadPreferences() {
    try {
      preferences.value = await send('preferences.get', {});
      preferencesLoaded.value = true;
    } catch {
      // preferencesLoaded stays as it was: forms that save preferences wait for it.
    }
  }

  /** The department that owns a mailbox address (its support address), for the create-ticket default. */
  const departmentOfMailbox = (mailbox: string | null) =>
    directory.value.departments.find((d) => mailbox && d.supportAddresses.some((a) => a.toLowerCase() === mailbox.toLowerCase()))?.id ?? null;
  /** Where a new ticket from this mailbox goes: the mailbox's department, else the agent's preferred one, else the first they can edit. */
  function defaultDepartmentFor(mailbox: string | null): number | null {
    const editable = editableDepartments.value.map((d) => d.departmentId);
    const choice = [departmentOfMailbox(mailbox), preferences.value.defaultDepartmentId].find((id) => id !== null && editable.includes(id));
    return choice ?? editable[0] ?? null;
  }
  const departmentName = (id: number) => departments.value.find((d) => d.departmentId === id)?.departmentName ?? `#${id}`;
  const agentsOf = (departmentId: number) => directory.value.agents.filter((a) => a.departmentIds.includes(departmentId));
  const teamsOf = (departmentId: number) => directory.value.teams.filter((t) => t.departmentId === departmentId);

  return {
    status,
    directory,
    preferences,
    preferencesLoaded,
    departments,
    access,
    editableDepartments,
    load,
    departmentOfMailbox,
    defaultDepartmentFor,
    departmentName,
    agentsOf,
    teamsOf,
  };
});
