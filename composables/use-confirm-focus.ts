import { nextTick, ref } from 'vue';

/**
 * A Delete/Revoke button that turns into a confirm group, with focus following along the way a
 * keyboard user expects (as ContentItemList does): onto the group's first button when it appears,
 * back onto the button after Cancel, and after the action onto the button if the item is still there
 * (a refusal) or else onto `fallbackId`, since the element that had focus is gone.
 */
export function useConfirmFocus(prefix: string, fallbackId: string) {
  const confirming = ref<number | null>(null);
  const askId = (id: number) => `${prefix}-ask-${id}`;
  const confirmId = (id: number) => `${prefix}-confirm-${id}`;

  async function focusFirst(...ids: string[]) {
    await nextTick();
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) return element.focus();
    }
  }

  async function ask(id: number) {
    confirming.value = id;
    await focusFirst(confirmId(id));
  }

  async function cancel(id: number) {
    confirming.value = null;
    await focusFirst(askId(id));
  }

  /** Call once the confirmed action has been answered, whatever the answer. */
  async function settle(id: number) {
    confirming.value = null;
    await focusFirst(askId(id), fallbackId);
  }

  return { confirming, askId, confirmId, ask, cancel, settle };
}
