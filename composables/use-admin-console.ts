import { computed, ref } from 'vue';
import { hasPermission } from '../core/rules/permissions';
import { useSessionStore } from '../stores/session';
import { failureText } from '../components/shared/refusal-text';

// A refusal as the admin reads it: plain sentences in the UI language (the rule id stays out of the words).
export { failureText };

/** One error notice (role=alert) and one success notice (role=status), for a form or a screen. */
export function useNotices() {
  const error = ref<string | null>(null);
  const success = ref<string | null>(null);

  /** Runs one backend call; a refusal becomes the error notice and the caller gets undefined. */
  async function run<T>(action: () => Promise<T>, done?: (result: T) => string): Promise<T | undefined> {
    error.value = null;
    success.value = null;
    try {
      const result = await action();
      if (done) success.value = done(result);
      return result;
    } catch (failure) {
      error.value = failureText(failure);
      return undefined;
    }
  }

  return { error, success, run };
}

/**
 * What the people and department screens share: who is signed in, the departments they manage
 * (R-PERM-1: settings.manage, department by department), loading and ready flags, and the notices.
 */
export function useConsoleScreen() {
  const session = useSessionStore();
  const managed = computed(() => session.departments.filter((d) => hasPermission(session.access, 'settings.manage', d.departmentId)));
  const loading = ref(true);
  /** The screen's data arrived; until then no empty list is shown as if it were the truth. */
  const ready = ref(false);
  const notices = useNotices();

  /** Loads the session, then the screen's data when the agent manages any department. */
  async function start(load: () => Promise<unknown>) {
    loading.value = true;
    await session.load().catch((failure: unknown) => (notices.error.value = failureText(failure)));
    if (session.status?.configured && managed.value.length > 0) {
      ready.value = (await notices.run(async () => (await load(), true))) === true;
    }
    loading.value = false;
  }

  return { session, managed, loading, ready, start, ...notices };
}
