import { escapeHtml, fillPlaceholders, type PlaceholderValues } from './placeholders';

/** What a template shows while it is written: invented but believable, so the admin sees real-looking mail. */
export const SAMPLE_VALUES: PlaceholderValues = {
  'contact.name': 'Hanako Yamada',
  'contact.email': 'hanako.yamada@example.com',
  'ticket.number': '1024',
  'ticket.subject': 'Cannot sign in to my account',
  'agent.name': 'Taro Suzuki',
  'department.name': 'Support',
};

/**
 * The tags and attributes a reply's HTML keeps when it is sent: server/mail/render.ts removes
 * everything else, so the preview warns about it here.
 */
export const REPLY_HTML_TAGS: readonly string[] = [
  'p',
  'br',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'h1',
  'h2',
  'h3',
  'pre',
  'code',
  'hr',
  'span',
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
];
export const REPLY_HTML_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href', 'title', 'rel'] };

/** Nothing in a preview may run or load: scripts are blocked by the sandbox, fetches by this policy. */
const PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export type TemplatePreview = { subject: string; kind: 'text'; text: string } | { subject: string; kind: 'html'; document: string; removed: RemovedMarkup };

export interface RemovedMarkup {
  tags: string[];
  attributes: string[];
}

/** The same test render.ts applies: a body that starts with a tag is HTML, anything else plain text. */
export const isHtmlBody = (body: string) => body.trimStart().startsWith('<');

/**
 * R-REPLY-2: the subject and body as one recipient gets them, filled with `values`. A plain-text body
 * becomes the text part exactly as render.ts makes it; an HTML body becomes a document for a sandboxed
 * frame, with its values HTML-escaped as in the sent HTML part.
 */
export function previewTemplate(template: { subject: string; body: string }, values: PlaceholderValues): TemplatePreview {
  const subject = fillPlaceholders(template.subject, values)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  if (!isHtmlBody(template.body)) {
    const text = fillPlaceholders(template.body, values)
      .replace(/\r\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return { subject, kind: 'text', text };
  }
  const html = fillPlaceholders(template.body, values, escapeHtml);
  return { subject, kind: 'html', document: previewDocument(html), removed: removedOnSend(html) };
}

/** A whole document for `<iframe sandbox srcdoc>`, with a policy that blocks every fetch. */
export function previewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PREVIEW_POLICY}"></head><body>${html}</body></html>`;
}

const TAG = /<\/?([a-zA-Z][\w-]*)([^>]*)>/g;
const ATTRIBUTE = /([^\s=/"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g;

/** Tags and attributes the sender removes, each named once, so the preview does not promise them. */
export function removedOnSend(html: string): RemovedMarkup {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const [, rawName, rest] of html.matchAll(TAG)) {
    const name = rawName!.toLowerCase();
    if (!REPLY_HTML_TAGS.includes(name)) {
      tags.add(name);
      continue;
    }
    const allowed = REPLY_HTML_ATTRIBUTES[name] ?? [];
    for (const [, attribute] of rest!.matchAll(ATTRIBUTE)) {
      const attributeName = attribute!.toLowerCase();
      if (!allowed.includes(attributeName)) attributes.add(attributeName);
    }
  }
  return { tags: [...tags], attributes: [...attributes] };
}

/** `{{name}}` put where the cursor was (replacing a selection), with where the cursor goes next. */
export function insertPlaceholder(text: string, start: number, end: number, name: string): { text: string; caret: number } {
  const token = `{{${name}}}`;
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}
