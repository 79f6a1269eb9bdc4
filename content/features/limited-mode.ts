import LimitedModeNotice from '../../components/inbox/LimitedModeNotice.vue';
import type { Feature } from '../feature-manager';
import { mountShadowUi, type ShadowUi } from '../shadow-ui';

/** Gmail and Outlook render progressively: wait this long for a recognisable page before "limited mode". */
const RECOGNISE_WITHIN_MS = 8_000;

/**
 * The notice that the page does not look like what the selectors expect, so Inbox Desk touches
 * nothing on it: shown when the page was not recognised within RECOGNISE_WITHIN_MS of the start,
 * gone for good once it is recognised.
 */
export const limitedMode: Feature = {
  name: 'limited-mode',
  onUnrecognisedPage: true,
  init(context) {
    const { refresh, signal } = context;
    const startedAt = Date.now();
    let recognisedOnce = false;
    let notice: ShadowUi | null = null;
    // The notice must appear even on a page that never changes.
    const timer = setTimeout(refresh, RECOGNISE_WITHIN_MS + 100);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    return {
      async update({ recognised }) {
        if (recognised) {
          recognisedOnce = true;
          notice?.remove();
          notice = null;
        } else if (!recognisedOnce && !notice && Date.now() - startedAt > RECOGNISE_WITHIN_MS) {
          notice = await mountShadowUi(context, { name: 'inbox-desk-limited', component: LimitedModeNotice, anchor: document.body, position: 'overlay' });
        }
      },
    };
  },
};
