import { html } from 'hono/html';
import { TicketStatus } from '../../core/schemas/ticket';
import type { ConversationEntry } from './conversation';
import { page, when, type Html } from './layout';
import type { PageContext } from './page-context';
import { ccForm, ratingForm, refusalList, replyForm, type CcFormState } from './ticket-forms';
import type { SatisfactionRatingRow, TicketRow } from '../db/rows';

function statusText(ctx: PageContext, status: string): string {
  const known = TicketStatus.safeParse(status);
  return known.success ? ctx.m.status[known.data] : status;
}

export function ticketListPage(ctx: PageContext, rows: TicketRow[], flash?: string): Html {
  const { m } = ctx;
  const table = html`<table>
<thead><tr><th scope="col">${m.list.number}</th><th scope="col">${m.list.subject}</th><th scope="col">${m.list.status}</th><th scope="col">${m.list.updated}</th></tr></thead>
<tbody>${rows.map(
    (t) =>
      html`<tr><td>#${t.number}</td><td><a href="${ctx.href(`/tickets/${t.id}`)}">${t.subject}</a></td><td>${statusText(ctx, t.status)}</td><td>${when(ctx, t.updatedAt)}</td></tr>`,
  )}</tbody>
</table>`;
  return page(ctx, { title: m.list.title, body: rows.length ? table : html`<p>${m.list.empty}</p>`, ...(flash ? { flash } : {}) });
}

function authorName(ctx: PageContext, entry: ConversationEntry): string {
  if (entry.author.kind === 'you') return ctx.m.ticket.you;
  if (entry.author.kind === 'support') return ctx.m.ticket.support;
  return entry.author.name;
}

function entryView(ctx: PageContext, entry: ConversationEntry): Html {
  const { m } = ctx;
  const kind = entry.kind === 'comment' ? 'comment' : entry.author.kind === 'support' ? 'out' : 'in';
  const label = entry.kind === 'comment' ? html` · ${m.ticket.publicComment}` : '';
  const edited = entry.editedAt ? html` · ${m.ticket.edited}` : '';
  return html`<article class="${kind}">
<h3>${authorName(ctx, entry)}${label}</h3>
<p>${when(ctx, entry.at)}${edited}</p>
<div class="body">${entry.body}</div>
</article>`;
}

export interface TicketPageData {
  ticket: TicketRow;
  entries: ConversationEntry[];
  followers: string[];
  canAddCc: boolean;
  canRate: boolean;
  rating: SatisfactionRatingRow | null;
  cc?: CcFormState;
  flash?: string | undefined;
}

function followersView(ctx: PageContext, followers: string[]): Html {
  const { m } = ctx;
  const list = followers.length ? html`<ul>${followers.map((name) => html`<li>${name}</li>`)}</ul>` : html`<p>${m.ticket.ccNone}</p>`;
  return html`<section aria-labelledby="cc-list-title"><h2 id="cc-list-title">${m.ticket.ccTitle}</h2>${list}</section>`;
}

export function ticketPage(ctx: PageContext, data: TicketPageData): Html {
  const { m } = ctx;
  const { ticket } = data;
  const conversation = data.entries.length ? data.entries.map((e) => entryView(ctx, e)) : html`<p>${m.ticket.noMessages}</p>`;
  const body = html`<p><a href="${ctx.href()}">${m.ticket.backToList}</a></p>
<p>${m.ticket.number(ticket.number)}</p>
<dl><dt>${m.list.status}</dt><dd>${statusText(ctx, ticket.status)}</dd></dl>
<section aria-labelledby="conversation-title"><h2 id="conversation-title">${m.ticket.conversation}</h2>${conversation}</section>
${followersView(ctx, data.followers)}
${replyForm(ctx, ticket.id)}
${data.canAddCc ? ccForm(ctx, ticket.id, data.cc ?? {}) : refusalList(ctx, data.cc?.refusals ?? [])}
${data.canRate ? ratingForm(ctx, ticket.id, data.rating) : ''}`;
  return page(ctx, { title: ticket.subject, here: `/tickets/${ticket.id}`, body, ...(data.flash ? { flash: data.flash } : {}) });
}
