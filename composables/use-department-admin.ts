import { i18n } from '#i18n';
import { computed, onMounted, ref, shallowRef, watch, type Ref } from 'vue';
import { hasPermission } from '../core/rules/permissions';
import { MessageFailure } from '../messaging/send';
import { useSessionStore } from '../stores/session';
import { failureText } from '../components/shared/refusal-text';

/** A refusal as the admin reads it: a sentence in the UI language and, when one applies, the rule id (its tooltip). */
export interface Refusal {
  message: string;
  rule?: string;
}

function refusalOf(error: unknown): Refusal {
  if (error instanceof MessageFailure) return { message: failureText(error), ...(error.error.rule ? { rule: error.error.rule } : {}) };
  return { message: failureText(error) };
}

/**
 * The frame of the templates, macros and blueprints screens: the departments where the agent has
 * settings.manage (R-PERM-1), the one picked, its list (loaded by `load`), and what the last action said.
 */
function useDepartmentAdmin(load: (departmentId: number) => Promise<void>) {
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

export type ContentKind = 'template' | 'macro' | 'blueprint';
/** What the three screens' items have in common. */
type Named = { id: number; name: string };
/** The form for one item: its id (null while new) and name, with the editor's own fields beside them. */
export type ContentDraft = { id: number | null; name: string };

export interface ContentOptions<Item extends Named, Draft extends ContentDraft> {
  kind: ContentKind;
  /** The department's items, in the order the server lists them (by name). */
  list: (departmentId: number) => Promise<Item[]>;
  /** The form for an item, or for a new one (null). */
  draftOf: (item: Item | null) => Draft;
  /** Creates the draft in the department, or updates `before` with what the draft changed. */
  store: (draft: Draft, before: Item | undefined, departmentId: number) => Promise<Item>;
  remove: (id: number) => Promise<unknown>;
}

/**
 * One of the templates, macros or blueprints screens: the department frame, its items, the one open
 * in the form (`draft`, as it is being edited; `saved`, as the server has it), and saving and deleting.
 */
export function useDepartmentContent<Item extends Named, Draft extends ContentDraft>(options: ContentOptions<Item, Draft>) {
  const items = shallowRef<Item[]>([]);
  // Typed by hand: ref<Draft>() would hand back Draft's unwrapped type, which a generic Draft does not match.
  const draft = ref(null) as Ref<Draft | null>;
  const frame = useDepartmentAdmin(async (id) => {
    draft.value = null;
    items.value = await options.list(id);
  });
  const saved = computed(() => items.value.find((item) => item.id === draft.value?.id));

  function open(item: Item | null) {
    frame.formError.value = frame.success.value = null;
    draft.value = options.draftOf(item);
  }

  const edit = (id: number) => open(items.value.find((item) => item.id === id) ?? null);

  /** A refusal leaves the form as typed; a save shows the item as the server kept it, in its place by name. */
  async function save() {
    const d = draft.value;
    const departmentId = frame.departmentId.value;
    if (!d || departmentId === null) return;
    await frame.attempt('form', async () => {
      const result = await options.store(d, saved.value, departmentId);
      items.value = [...items.value.filter((item) => item.id !== result.id), result].sort((a, b) => a.name.localeCompare(b.name));
      open(result);
      return i18n.t(`adminContent.${options.kind}.saved`, [result.name]);
    });
  }

  async function remove(id: number) {
    const item = items.value.find((i) => i.id === id);
    if (!item) return;
    await frame.attempt('list', async () => {
      await options.remove(id);
      items.value = items.value.filter((i) => i.id !== id);
      if (draft.value?.id === id) draft.value = null;
      return i18n.t(`adminContent.${options.kind}.deleted`, [item.name]);
    });
  }

  return { ...frame, kind: options.kind, items, draft, saved, open, edit, save, remove };
}

export type DepartmentContent<Item extends Named, Draft extends ContentDraft> = ReturnType<typeof useDepartmentContent<Item, Draft>>;
