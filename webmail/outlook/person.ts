import type { Person } from '../adapter';
import { addressIn, normaliseSpace, queryFirst, textOf } from '../dom-query';
import { PERSONA } from './selectors';

/** The sender when the page names nobody we can read; a fresh object, as callers may keep and change it. */
export function nobody(): Person {
  return { name: '', email: null };
}

/**
 * Outlook's persona spans show the name and keep the address in their title; a colleague of the
 * same organisation may have their name as title instead: a name only, address null.
 */
export function outlookPerson(span: Element): Person {
  const title = span.getAttribute('title') ?? '';
  return { name: textOf(span) || title.trim(), email: addressIn(title) };
}

/**
 * The person of a sender line. The persona span when it has the address; else the line's own text,
 * which Outlook writes as "Name<address>" beside the name; else the name alone.
 */
export function personInLine(line: HTMLElement): Person | null {
  const span = queryFirst(line, PERSONA);
  const person = span ? outlookPerson(span) : null;
  if (person?.email) return person;
  const text = normaliseSpace(line.textContent ?? '');
  const written = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>/.exec(text);
  if (written?.[2]) return { name: person?.name || (written[1] ?? '').trim(), email: addressIn(written[2]) };
  return person ?? (text ? { name: text, email: null } : null);
}
