import { computed, onMounted, ref, watch } from 'vue';
import { hasPermission } from '../core/rules/permissions';
import { MessageFailure } from '../messaging/send';
import { useSessionStore } from '../stores/session';

/** A refusal as the admin reads it: the server's words and, when one applies, the rule id. */
export interface Refusal {
  message: string;
  rule?: string;
}

function refusalOf(error: unknown): Refusal {
  if (error instanceof MessageFailure) return { message: error.error.message, ...(error.error.rule ? { rule: error.error.rule } : {}) };
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * The frame of the templates, macros and blueprints screens: the departments where the agent has
 * settings.manage (R-PERM-1), the one picked, its list (loaded by `load`), and what the last action said.
 */
export function useDepartmentAdmin(load: (departmentId: number) => Promise<void>) {
  const session = useSessionStore();
  const departments = computed(() => session.departments.filter((d) => hasPermission(session.access, 'settings.manage', d.departmentId)));
  const departmentId = ref<number | null>(null);
  const departmentName = computed(() => (departmentId.value === null ? '' : session.departmentName(departmentId.value)));
  const loading = ref(false);
  const busy = ref(false);
  const listError = ref<Refusal | null>(null);
  const formError = ref<Refusal | null>(null);
  const success = ref<string | null>(null);

  /**
   * Loads the department chosen now. The editors' `load` writes its list as its answer arrives, so
   * loads run one after another and one whose department is no longer the chosen one is skipped, or
   * (when the choice moved on while it was out) has its refusal dropped and its list replaced by the
   * next load before `loading` ends: an answer for a department left behind never shows.
   */
  let queue: Promise<void> = Promise.resolve();
  function reload() {
    const id = departmentId.value;
    if (id === null) return queue;
    loading.value = true;
    // Notices about the department left behind are no news about this one.
    listError.value = formError.value = success.value = null;
    queue = queue.then(async () => {
      if (departmentId.value !== id) return;
      try {
        await load(id);
      } catch (error) {
        if (departmentId.value === id) listError.value = refusalOf(error);
      } finally {
        if (departmentId.value === id) loading.value = false;
      }
    });
    return queue;
  }

  /** Runs one change; a refusal lands next to the list or the form, and the caller's state stays as it was. */
  async function attempt(where: 'list' | 'form', work: () => Promise<string>): Promise<boolean> {
    busy.value = true;
    listError.value = formError.value = success.value = null;
    try {
      success.value = await work();
      return true;
    } catch (error) {
      (where === 'list' ? listError : formError).value = refusalOf(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  watch(departmentId, reload);
  onMounted(async () => {
    await session.load().catch(() => undefined);
    departmentId.value = departments.value[0]?.departmentId ?? null;
  });

  return { session, departments, departmentId, departmentName, loading, busy, listError, formError, success, attempt };
}
