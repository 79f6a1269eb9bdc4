/**
 * Selectors for one thing, best first. Webmail markup drifts: a later entry is what we fall back to
 * when the page stops matching an earlier one, so order matters.
 */
export type SelectorList = readonly string[];

/** The first element of the earliest selector in the list that matches anything under root. */
export function queryFirst(root: ParentNode, selectors: SelectorList): HTMLElement | null {
  for (const selector of selectors) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/**
 * Every element of the earliest selector that matches anything. Lists are not merged: mixing an old
 * and a new layout's matches would count the same row twice.
 */
export function queryAll(root: ParentNode, selectors: SelectorList): HTMLElement[] {
  for (const selector of selectors) {
    const found = [...root.querySelectorAll<HTMLElement>(selector)];
    if (found.length > 0) return found;
  }
  return [];
}

/** True when any selector of the list matches the element itself. */
export function matchesAny(element: Element, selectors: SelectorList): boolean {
  return selectors.some((selector) => element.matches(selector));
}

/** Text as the user reads it; textContent never parses markup, so hostile subjects stay text. */
export function textOf(element: Element | null | undefined): string {
  return normaliseSpace(element?.textContent ?? '');
}

/** Runs of whitespace as one space, trimmed: how the page renders text and attribute values alike. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const ADDRESS = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+\.[^\s<>()[\]"',;:@]+/;

/** The first e-mail address inside free text (an aria-label, a title), or null. */
export function addressIn(text: string | null | undefined): string | null {
  return text?.match(ADDRESS)?.[0] ?? null;
}

/** True when the whole value is one e-mail address (Outlook's persona titles). */
export function isAddress(text: string | null | undefined): boolean {
  const trimmed = text?.trim() ?? '';
  return trimmed !== '' && addressIn(trimmed) === trimmed;
}
