import { readonly, ref } from 'vue';

/**
 * A counter shared by the screens of one page: the agents screen bumps it after it changed an agent
 * (name, activity, role in a department), and screens that keep their own copy of the agents (the
 * team editor's member choices) reload when it moves, instead of offering yesterday's members.
 */
const revision = ref(0);

export function useAgentChanges() {
  return { revision: readonly(revision), changed: () => void revision.value++ };
}
