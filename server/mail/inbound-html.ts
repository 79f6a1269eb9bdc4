import sanitizeHtml from 'sanitize-html';

/**
 * Issue 21 item 8: the HTML of mail that came in, as the API hands it out. Sanitised once, here,
 * when it is stored (and at startup for rows stored before), so no client has to: nothing that runs
 * (script, on* handlers, javascript: and other URL schemes), nothing that loads or restyles the page
 * around it (style and link elements, url() and expression() in styles, base, forms, frames, SVG),
 * and no id or class to collide with the page's own.
 */
const TAGS = [
  ...['p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'sub', 'sup', 'small', 'big', 'font', 'center', 'hr'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img'],
  ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col'],
];

const TABLE_ATTRIBUTES = ['align', 'valign', 'width', 'height', 'colspan', 'rowspan', 'bgcolor', 'border', 'cellpadding', 'cellspacing'];

/** A plain value: a colour (rgb() included), a length, a keyword. No url(), expression(), escapes or quotes, which load or run. */
const PLAIN = [/^(?!.*(url|expression|image-set|var|attr)\s*\()[#\w\s.,%()-]*$/i];
const STYLES = Object.fromEntries(
  [
    'color',
    'background-color',
    'font-family',
    'font-size',
    'font-style',
    'font-weight',
    'text-align',
    'text-decoration',
    'line-height',
    'vertical-align',
    'white-space',
    'width',
    'height',
    'margin',
    'padding',
    'border',
    'border-collapse',
  ].map((property) => [property, PLAIN]),
);

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: TAGS,
  allowedAttributes: {
    '*': ['style', 'title', 'dir', 'lang', ...TABLE_ATTRIBUTES],
    a: ['href', 'name', 'rel', 'target'],
    img: ['src', 'alt'],
    font: ['color', 'face', 'size'],
  },
  allowedStyles: { '*': STYLES },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // Inline (data:) and attached (cid:) images; data: nowhere else, where it could carry a page.
  allowedSchemesByTag: { img: ['http', 'https', 'cid', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
  exclusiveFilter: (frame) => frame.tag === 'img' && /^data:(?!image\/(png|gif|jpe?g|webp);)/i.test(frame.attribs.src ?? ''),
};

/** What a thread may hold (core/schemas/thread.ts bodyHtml). */
export const MAX_INBOUND_HTML = 2_000_000;
const CUT = '<p>[… cut: the message was longer than the 2,000,000 characters kept]</p>';

/** Sanitised, and within MAX_INBOUND_HTML: a longer one is cut, then sanitised again so no tag is left half open. */
export function sanitiseInboundHtml(html: string): string {
  let clean = sanitizeHtml(html, POLICY);
  for (let keep = MAX_INBOUND_HTML - CUT.length - 1_000; clean.length > MAX_INBOUND_HTML; keep -= 10_000) {
    clean = sanitizeHtml(clean.slice(0, keep), POLICY) + CUT;
  }
  return clean;
}
