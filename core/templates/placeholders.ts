/** R-REPLY-2: what a reply or template may fill in per ticket, written `{{contact.name}}`. */
export const PLACEHOLDERS = ['contact.name', 'contact.email', 'ticket.number', 'ticket.subject', 'agent.name', 'department.name'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders the text uses that do not exist, so a template is refused when it is saved, not when it is sent. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[1]!).filter((name) => !known.has(name)))];
}

/** Fills every placeholder, passing each value through `escape` first (HTML-escaping for the HTML part). */
export function fillPlaceholders(text: string, values: PlaceholderValues, escape: (value: string) => string = (v) => v): string {
  return text.replace(PATTERN, (whole, name: string) => (name in values ? escape(values[name as Placeholder]) : whole));
}

/** The same escaping Vue applies: a customer's name must never become markup in the reply. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
