import { ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue';
import type { CustomFieldDefinition } from '../core/schemas/custom-field';
import { MessageFailure, send } from '../messaging/send';

/**
 * The custom field definitions of one department (none while no single department is in play),
 * read again whenever the department changes: the panel and the field pickers show exactly these.
 */
export function useCustomFields(departmentId: WatchSource<number | null>): { definitions: ShallowRef<CustomFieldDefinition[]>; error: Ref<string | null> } {
  const definitions = shallowRef<CustomFieldDefinition[]>([]);
  const error = ref<string | null>(null);
  let current: number | null = null;
  watch(
    departmentId,
    async (id) => {
      current = id;
      definitions.value = [];
      error.value = null;
      if (id === null) return;
      try {
        const { items } = await send('customFields.list', { departmentId: id });
        // A slower answer for a department left meanwhile must not replace the current one's fields.
        if (current === id) definitions.value = items;
      } catch (failure) {
        if (current === id) error.value = failure instanceof MessageFailure ? failure.message : String(failure);
      }
    },
    { immediate: true },
  );
  return { definitions, error };
}
