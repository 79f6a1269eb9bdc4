import { html, raw } from 'hono/html';
import { MESSAGES } from './messages';
import type { PageContext } from './page-context';

/** A piece of escaped HTML: `html` escapes every interpolated value unless it is itself `html`. */
export type Html = ReturnType<typeof html>;

const CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 48rem; padding: 1rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; border-bottom: 1px solid #8884; padding-bottom: .5rem; }
header p { margin: 0; font-weight: 600; }
nav { display: flex; gap: 1rem; align-items: center; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: Canvas; padding: .25rem; }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #2a6bd8; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #8884; }
article { border: 1px solid #8884; border-radius: .4rem; padding: .5rem .75rem; margin: .75rem 0; }
article.out { border-left: 4px solid #2a6bd8; } article.comment { border-left: 4px solid #b07a00; }
article h3 { font-size: 1rem; margin: 0; } .body { white-space: pre-wrap; overflow-wrap: anywhere; }
label { display: block; margin: .5rem 0 .2rem; font-weight: 600; } label.inline { display: inline; margin-right: 1rem; }
input[type=email], input[type=text], textarea { width: 100%; box-sizing: border-box; padding: .4rem; font: inherit; }
textarea { min-height: 6rem; }
button { font: inherit; padding: .4rem 1rem; margin-top: .5rem; cursor: pointer; }
fieldset { border: 1px solid #8884; border-radius: .4rem; }
.flash { background: #2a6bd822; padding: .5rem; border-radius: .4rem; }
.error { background: #d8312a22; padding: .5rem; border-radius: .4rem; }
section { margin-top: 2rem; }
`;

export interface PageOptions {
  title: string;
  body: Html;
  /** The page's own path below the department, for the language switch (POST answers pass the page they show). */
  here?: string;
  /** A message from the action that led here (already chosen by key, never user text). */
  flash?: string;
}

/** The visitor's own session form: every POST of a signed-in page carries the CSRF token. */
export function csrfField(ctx: PageContext): Html {
  return ctx.visitor ? html`<input type="hidden" name="csrf" value="${ctx.visitor.csrfToken}">` : html``;
}

function signOut(ctx: PageContext): Html {
  if (!ctx.visitor) return html``;
  return html`<form method="post" action="${ctx.href('/sign-out')}">${csrfField(ctx)}<button type="submit">${ctx.m.signOut}</button></form>`;
}

export function page(ctx: PageContext, options: PageOptions): Html {
  const { m, lang } = ctx;
  const other = lang === 'ja' ? 'en' : 'ja';
  const site = ctx.siteTitle ?? m.helpCenter;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${site}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">${m.skipToContent}</a>
<header>
<p>${ctx.siteTitle ? html`<a href="${ctx.href()}">${site}</a>` : site}</p>
<nav aria-label="${m.helpCenter}">
<a href="${ctx.switchHref(options.here)}" lang="${other}" hreflang="${other}">${MESSAGES[other].langName}</a>
${signOut(ctx)}
</nav>
</header>
<main id="main">
${options.flash ? html`<p class="flash" role="status">${options.flash}</p>` : ''}
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>`;
}

// Customers' time zones are unknown: UTC, and said so.
const DATE_FORMAT: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' };

/** A time the visitor can read, with the exact instant for machines and assistive tools. */
export function when(ctx: PageContext, at: Date): Html {
  const text = new Intl.DateTimeFormat(ctx.m.dateLocale, DATE_FORMAT).format(at);
  return html`<time datetime="${at.toISOString()}">${text}</time>`;
}
