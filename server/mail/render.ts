import sanitizeHtml from 'sanitize-html';
import { escapeHtml, fillPlaceholders, type PlaceholderValues } from '../../core/templates/placeholders';
import { isHtmlBody, REPLY_HTML_ATTRIBUTES, REPLY_HTML_TAGS } from '../../core/templates/template-preview';

export interface RenderedReply {
  subject: string;
  html: string;
  text: string;
}

/** What a reply's HTML may contain: formatting and links, nothing that runs or loads on its own. */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [...REPLY_HTML_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(REPLY_HTML_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

const BLOCK_END = /<\/(p|div|li|h[1-3]|blockquote|tr|pre)>|<br\s*\/?>/gi;

/**
 * A body is HTML when it starts with a tag (templates and the composer write `<p>…`); anything else
 * is plain text, escaped so "<two>" stays text, and keeps its line breaks.
 */
const asHtml = (body: string) => (isHtmlBody(body) ? body : escapeHtml(body).replace(/\r?\n/g, '<br>'));

/**
 * A reply for one ticket (R-REPLY-2): placeholders filled — HTML-escaped in the HTML part — then the
 * HTML sanitised, and a plain-text part made from it.
 */
export function renderReply(template: { subject: string; body: string }, values: PlaceholderValues): RenderedReply {
  const html = sanitizeHtml(fillPlaceholders(asHtml(template.body), values, escapeHtml), ALLOWED);
  const text = sanitizeHtml(
    html.replace(BLOCK_END, (tag) => `${tag}\n`),
    { allowedTags: [], allowedAttributes: {} },
  )
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    subject: fillPlaceholders(template.subject, values)
      .replace(/[\r\n]+/g, ' ')
      .trim(),
    html,
    text,
  };
}
