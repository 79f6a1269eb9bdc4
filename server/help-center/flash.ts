import { FLASH_KEYS, type FlashKey, type Messages } from './messages';

/** The message for a `?flash=` key; anything else (edited by hand) shows nothing. */
export function flashMessage(m: Messages, key: string | undefined): string | undefined {
  return FLASH_KEYS.includes(key as FlashKey) ? m.flash[key as FlashKey] : undefined;
}
