import type { Person } from '../adapter';
import { addressIn, textOf } from '../dom-query';

/** The sender when the page names nobody we can read; a fresh object, as callers may keep and change it. */
export function nobody(): Person {
  return { name: '', email: null };
}

/** Outlook's persona spans show the name and keep the address in their title. */
export function outlookPerson(span: Element): Person {
  const title = span.getAttribute('title') ?? '';
  return { name: textOf(span) || title.trim(), email: addressIn(title) };
}
