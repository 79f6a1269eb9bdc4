import { i18n } from '#i18n';
import type { MessageReceipt, RecipientReceipt } from '../core/schemas/receipt';
import type { ReceiptWords } from './receipt-marks';
import { countText } from '../components/shared/plural';
import { dateTimeText } from '../components/shared/date-text';

const when = (iso: string) => dateTimeText(iso);

/** One recipient after the address: its state and the times that prove it (R-RCPT-7). */
function detail(r: RecipientReceipt): string {
  const parts = [i18n.t(`receipt.state.${r.state}`), i18n.t(`receipt.kind.${r.kind}`)];
  if (r.firstOpenedAt && r.lastOpenedAt) parts.push(countText('receipt.opens', r.openCount, when(r.firstOpenedAt), when(r.lastOpenedAt)));
  else if (r.deliveredAt) parts.push(i18n.t('receipt.deliveredAt', [when(r.deliveredAt)]));
  if (r.problemAt) parts.push(when(r.problemAt));
  if (r.detail) parts.push(r.detail);
  return ` — ${parts.join(' · ')}`;
}

/** The receipt texts of the UI language, for the marks in the page and in the ticket panel. */
export const receiptWords: ReceiptWords = {
  mark: (mark) => i18n.t(`receipt.mark.${mark}`),
  state: (state) => i18n.t(`receipt.state.${state}`),
  detail,
  listLabel: (receipt: MessageReceipt) => i18n.t('receipt.list', [receipt.subject, when(receipt.sentAt)]),
};
