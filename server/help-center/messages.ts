import type { TicketStatus } from '../../core/schemas/ticket';
import { en } from './messages-en';
import { ja } from './messages-ja';

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** Results a POST reports back through the redirect; only these keys travel, never user text. */
export const FLASH_KEYS = ['replied', 'reply_empty', 'cc_added', 'rated', 'rating_invalid', 'rating_not_yet', 'signed_out'] as const;
export type FlashKey = (typeof FLASH_KEYS)[number];

/** Every word of the help center, in each language; Japanese follows GLOSSARY.md. */
export interface Messages {
  langName: string;
  helpCenter: string;
  title: (department: string) => string;
  skipToContent: string;
  signOut: string;
  notFound: { title: string; body: string; back: string };
  forbidden: { title: string; body: string };
  tooMany: { title: string; body: string };
  failed: { title: string; body: string };
  signIn: {
    title: string;
    intro: string;
    email: string;
    emailInvalid: string;
    submit: string;
    sentTitle: string;
    sent: string;
    confirmTitle: string;
    confirm: string;
    button: string;
    invalidTitle: string;
    invalid: string;
    requestNew: string;
    crossSiteTitle: string;
    crossSite: string;
  };
  mail: { subject: (department: string) => string; body: (department: string, url: string) => string };
  list: { title: string; empty: string; number: string; subject: string; status: string; updated: string };
  status: Record<TicketStatus, string>;
  ticket: {
    number: (n: number) => string;
    conversation: string;
    you: string;
    support: string;
    publicComment: string;
    edited: string;
    noMessages: string;
    ccTitle: string;
    ccNone: string;
    backToList: string;
  };
  reply: { title: string; label: string; submit: string };
  cc: {
    title: string;
    email: string;
    name: string;
    submit: string;
    invalid: string;
    refused: string;
    disabled: string;
    optionOff: string;
    limits: (perTicket: number, perCustomer: number) => string;
  };
  rating: {
    title: string;
    question: string;
    good: string;
    bad: string;
    comment: string;
    submit: string;
    current: (rating: string) => string;
    change: string;
  };
  flash: Record<FlashKey, string>;
  dateLocale: string;
}

export const MESSAGES: Record<Lang, Messages> = { en, ja };
