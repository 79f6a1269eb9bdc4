import { watchDebounced } from '@vueuse/core';
import { shallowRef, type Ref } from 'vue';
import type { Contact } from '../../../core/schemas/contact';
import { send } from '../../../messaging/send';

/** One or two letters match half the contacts; wait for a little more. */
const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

/**
 * Existing contacts matching what the agent types (R-CC-4), answering only the latest question. A
 * failed search offers nothing: typing the whole address still works.
 */
export function useContactSearch(query: Ref<string>) {
  const matches = shallowRef<Contact[]>([]);
  let asked = 0;

  watchDebounced(
    query,
    async (text) => {
      const mine = ++asked;
      const q = text.trim();
      const found =
        q.length < MIN_QUERY
          ? []
          : await send('contacts.search', { q }).then(
              (r) => r.items,
              () => [],
            );
      if (mine === asked) matches.value = found;
    },
    { debounce: DEBOUNCE_MS },
  );

  function clear() {
    asked++;
    matches.value = [];
  }

  return { matches, clear };
}
