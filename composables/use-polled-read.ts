import { onUnmounted, ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue';
import { failureText } from '../components/shared/refusal-text';

/**
 * A read the panel repeats while it is open, for what changes without the ticket's version
 * changing (opens, ratings): again whenever a source changes, and every `refreshMs`.
 */
export function usePolledRead<T>(read: () => Promise<T>, sources: WatchSource[], refreshMs: number): { data: ShallowRef<T | null>; error: Ref<string | null> } {
  const data = shallowRef<T | null>(null);
  const error = ref<string | null>(null);
  async function load() {
    try {
      data.value = await read();
      error.value = null;
    } catch (failure) {
      error.value = failureText(failure);
    }
  }
  watch(sources, load, { immediate: true });
  const timer = setInterval(() => void load(), refreshMs);
  onUnmounted(() => clearInterval(timer));
  return { data, error };
}
