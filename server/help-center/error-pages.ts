import { html } from 'hono/html';
import { page, type Html } from './layout';
import type { PageContext } from './page-context';

/** One page for "missing", "not yours" and "another department", so none of them can be told apart. */
export function notFoundPage(ctx: PageContext): Html {
  const { m } = ctx;
  const back = ctx.siteTitle ? html`<p><a href="${ctx.href()}">${m.notFound.back}</a></p>` : '';
  return page(ctx, { title: m.notFound.title, body: html`<p>${m.notFound.body}</p>${back}` });
}

export function forbiddenPage(ctx: PageContext): Html {
  const { m } = ctx;
  return page(ctx, { title: m.forbidden.title, body: html`<p>${m.forbidden.body}</p><p><a href="${ctx.href()}">${m.notFound.back}</a></p>` });
}

export function tooManyPage(ctx: PageContext): Html {
  return page(ctx, { title: ctx.m.tooMany.title, body: html`<p>${ctx.m.tooMany.body}</p>` });
}

export function failedPage(ctx: PageContext): Html {
  return page(ctx, { title: ctx.m.failed.title, body: html`<p>${ctx.m.failed.body}</p>` });
}
