import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { Blueprint } from '../../../core/schemas/template';
import type { Ticket } from '../../../core/schemas/ticket';
import { MessageFailure, send } from '../../../messaging/send';

/**
 * R-BULK-15: the blueprints of the ticket's department and the one applied to it, shared by the
 * panel's Blueprint section (apply, remove) and its status picker (allowed next statuses).
 */
export function useTicketBlueprints(ticket: Ref<Pick<Ticket, 'departmentId' | 'blueprintId'> | null>) {
  const blueprints = shallowRef<Blueprint[]>([]);
  const loadError = ref<string | null>(null);

  watch(
    () => ticket.value?.departmentId,
    async (departmentId) => {
      blueprints.value = [];
      loadError.value = null;
      if (departmentId === undefined) return;
      try {
        const { items } = await send('blueprints.list', { departmentId });
        // A quicker answer for another ticket's department must not be overwritten by a slow one.
        if (ticket.value?.departmentId === departmentId) blueprints.value = items;
      } catch (error) {
        if (ticket.value?.departmentId === departmentId) loadError.value = error instanceof MessageFailure ? error.message : String(error);
      }
    },
    { immediate: true },
  );

  const applied = computed(() => blueprints.value.find((b) => b.id === ticket.value?.blueprintId) ?? null);
  return { blueprints, applied, loadError };
}
