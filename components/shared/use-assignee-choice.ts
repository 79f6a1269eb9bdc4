import { computed, ref, watch } from 'vue';

/** The assignee of a bulk or mass assign: an agent or a team of the department, never both. */
export function useAssigneeChoice() {
  const agentId = ref<number | null>(null);
  const teamId = ref<number | null>(null);
  // Picking a team drops the agent picked before, and the other way round.
  watch(agentId, (id) => id !== null && (teamId.value = null));
  watch(teamId, (id) => id !== null && (agentId.value = null));
  const picked = computed(() => agentId.value !== null || teamId.value !== null);
  /** The assign operation's payload (its schema takes one of the two). */
  const payload = () => (teamId.value !== null ? { teamId: teamId.value } : { agentId: agentId.value });
  return { agentId, teamId, picked, payload };
}
