import { html } from 'hono/html';
import { page, type Html } from './layout';
import type { PageContext } from './page-context';

export interface SignInFormState {
  /** The ticket to open once signed in (a notification's link). */
  ticketId?: number | undefined;
  email?: string;
  error?: string;
}

function signInForm(ctx: PageContext, state: SignInFormState): Html {
  const { m } = ctx;
  const invalid = state.error !== undefined;
  return html`<form method="post" action="${ctx.href('/sign-in')}">
${state.ticketId === undefined ? '' : html`<input type="hidden" name="ticket" value="${state.ticketId}">`}
<label for="email">${m.signIn.email}</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="320" value="${state.email ?? ''}"${invalid ? html` aria-invalid="true" aria-describedby="email-error"` : ''}>
${invalid ? html`<p id="email-error" class="error" role="alert">${state.error}</p>` : ''}
<button type="submit">${m.signIn.submit}</button>
</form>`;
}

export function signInPage(ctx: PageContext, state: SignInFormState = {}, flash?: string): Html {
  return page(ctx, {
    title: ctx.m.signIn.title,
    body: html`<p>${ctx.m.signIn.intro}</p>${signInForm(ctx, state)}`,
    ...(flash ? { flash } : {}),
  });
}

/** The same answer for every address, known or not, limited or not: it must not tell who is a customer. */
export function linkSentPage(ctx: PageContext): Html {
  return page(ctx, { title: ctx.m.signIn.sentTitle, body: html`<p role="status">${ctx.m.signIn.sent}</p>` });
}

/** Opening the link only shows this button; the POST it sends uses the link up (mail scanners prefetch links). */
export function confirmLinkPage(ctx: PageContext, token: string): Html {
  const { m } = ctx;
  const path = `/sign-in/${encodeURIComponent(token)}`;
  return page(ctx, {
    title: m.signIn.confirmTitle,
    here: path,
    body: html`<p>${m.signIn.confirm}</p><form method="post" action="${ctx.href(path)}"><button type="submit">${m.signIn.button}</button></form>`,
  });
}

/** A sign-in POST from another site (login CSRF): refused, and the link stays usable for its owner. */
export function crossSitePage(ctx: PageContext): Html {
  const { m } = ctx;
  return page(ctx, { title: m.signIn.crossSiteTitle, here: '', body: html`<p role="alert">${m.signIn.crossSite}</p>` });
}

export function invalidLinkPage(ctx: PageContext): Html {
  const { m } = ctx;
  return page(ctx, {
    title: m.signIn.invalidTitle,
    here: '',
    body: html`<p>${m.signIn.invalid}</p><h2>${m.signIn.requestNew}</h2>${signInForm(ctx, {})}`,
  });
}
