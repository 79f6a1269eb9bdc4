import { i18n } from '#i18n';

/**
 * The locale numbers and dates are written in: the one of the message catalog Chrome picked (a
 * French browser falls back to the English catalog, so it gets English dates, not French ones
 * between English words). Read per call: tests switch catalogs between renders.
 */
export function uiLocale(): string {
  return i18n.t('uiLocale') || 'en';
}
