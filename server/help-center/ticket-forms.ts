import { html } from 'hono/html';
import { CUSTOMER_CC_PER_CUSTOMER_PER_DAY, CUSTOMER_CC_PER_TICKET_PER_DAY } from '../../core/rules/customer-cc-limits';
import type { CcRefusal } from './customer-cc';
import { csrfField, when, type Html } from './layout';
import type { PageContext } from './page-context';
import type { SatisfactionRatingRow } from '../db/rows';

const ticketPath = (ticketId: number, action: string) => `/tickets/${ticketId}/${action}`;

export function replyForm(ctx: PageContext, ticketId: number): Html {
  const { m } = ctx;
  return html`<section aria-labelledby="reply-title">
<h2 id="reply-title">${m.reply.title}</h2>
<form method="post" action="${ctx.href(ticketPath(ticketId, 'replies'))}">
${csrfField(ctx)}
<label for="reply-body">${m.reply.label}</label>
<textarea id="reply-body" name="body" required maxlength="50000"></textarea>
<button type="submit">${m.reply.submit}</button>
</form>
</section>`;
}

export interface CcFormState {
  refusals?: CcRefusal[];
  email?: string;
  name?: string;
}

export function refusalList(ctx: PageContext, refusals: CcRefusal[]): Html {
  if (refusals.length === 0) return html``;
  const items = refusals.map((r) => html`<li>${r.rule ? html`<strong>${r.rule}</strong>: ` : ''}${r.message}</li>`);
  return html`<div class="error" role="alert" id="cc-error"><p>${ctx.m.cc.refused}</p><ul>${items}</ul></div>`;
}

/** R-CC-6: only shown where customers may add CCs; a refusal names the rule and the reason (R-CC-3). */
export function ccForm(ctx: PageContext, ticketId: number, state: CcFormState): Html {
  const { m } = ctx;
  const refused = (state.refusals ?? []).length > 0;
  return html`<section aria-labelledby="cc-title">
<h2 id="cc-title">${m.cc.title}</h2>
${refusalList(ctx, state.refusals ?? [])}
<form method="post" action="${ctx.href(ticketPath(ticketId, 'cc'))}">
${csrfField(ctx)}
<label for="cc-email">${m.cc.email}</label>
<input id="cc-email" name="email" type="email" required maxlength="320" value="${state.email ?? ''}"${refused ? html` aria-invalid="true" aria-describedby="cc-error"` : ''}>
<label for="cc-name">${m.cc.name}</label>
<input id="cc-name" name="name" type="text" maxlength="200" value="${state.name ?? ''}">
<button type="submit">${m.cc.submit}</button>
</form>
<p id="cc-limits">${m.cc.limits(CUSTOMER_CC_PER_TICKET_PER_DAY, CUSTOMER_CC_PER_CUSTOMER_PER_DAY)}</p>
</section>`;
}

/** R-CC-8: the visitor's own rating; sending again replaces it. */
export function ratingForm(ctx: PageContext, ticketId: number, current: SatisfactionRatingRow | null): Html {
  const { m } = ctx;
  const checked = (value: string) => (current?.rating === value ? html` checked` : '');
  const label = (value: string) => (value === 'good' ? m.rating.good : m.rating.bad);
  return html`<section aria-labelledby="rating-title">
<h2 id="rating-title">${m.rating.title}</h2>
${current ? html`<p>${m.rating.current(label(current.rating))} (${when(ctx, current.ratedAt)}) ${m.rating.change}</p>` : ''}
<form method="post" action="${ctx.href(ticketPath(ticketId, 'rating'))}">
${csrfField(ctx)}
<fieldset>
<legend>${m.rating.question}</legend>
<input type="radio" id="rating-good" name="rating" value="good" required${checked('good')}> <label for="rating-good" class="inline">${m.rating.good}</label>
<input type="radio" id="rating-bad" name="rating" value="bad"${checked('bad')}> <label for="rating-bad" class="inline">${m.rating.bad}</label>
</fieldset>
<label for="rating-comment">${m.rating.comment}</label>
<textarea id="rating-comment" name="comment" maxlength="2000">${current?.comment ?? ''}</textarea>
<button type="submit">${m.rating.submit}</button>
</form>
</section>`;
}
