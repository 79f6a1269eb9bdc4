import type { Context, Hono } from 'hono';
import { IdParam } from '../../core/schemas/common';
import type { Db } from '../db/client';
import { conversationOf, followerNames } from './conversation';
import { addCustomerCc, CcForm, customerCcRefusals } from './customer-cc';
import { customerReply, ReplyForm } from './customer-reply';
import { notFoundPage } from './error-pages';
import { flashMessage } from './flash';
import { formOf, redirectWithFlash, signedInForm } from './guards';
import { pageContext, type HelpEnv } from './page-context';
import { mayRate, rate, RatingForm, ratingOf } from './satisfaction';
import { signInPage } from './sign-in-pages';
import { visibleTicket } from './ticket-access';
import type { CcFormState } from './ticket-forms';
import { ticketPage } from './ticket-pages';
import type { TicketRow } from '../db/rows';

/** The ticket of the path, when the signed-in visitor may see it (R-CC-8, R-MERGE-9); undefined means 404. */
async function ticketOfPath(db: Db, c: Context<HelpEnv>): Promise<TicketRow | undefined> {
  const ticketId = IdParam.safeParse(c.req.param('ticketId')).data;
  const visitor = c.get('visitor');
  if (ticketId === undefined || !visitor) return undefined;
  return visibleTicket(db, { contactId: visitor.contactId, department: c.get('department') }, ticketId);
}

async function showTicket(db: Db, c: Context<HelpEnv>, ticket: TicketRow, extra: { flash?: string | undefined; cc?: CcFormState }) {
  const visitor = c.get('visitor')!;
  return ticketPage(pageContext(c), {
    ticket,
    entries: await conversationOf(db, ticket, visitor.email),
    followers: await followerNames(db, ticket),
    canAddCc: customerCcRefusals(c.get('department')).length === 0,
    canRate: await mayRate(db, ticket),
    rating: await ratingOf(db, ticket.id, visitor.contactId),
    ...extra,
  });
}

const notFound = (c: Context<HelpEnv>) => c.html(notFoundPage(pageContext(c)), 404);

export function ticketRoutes(help: Hono<HelpEnv>, db: Db) {
  help.get('/:departmentId/tickets/:ticketId', async (c) => {
    const ctx = pageContext(c);
    // A notification's link reaches here signed out: sign in first, then come back to this ticket.
    if (!c.get('visitor')) return c.html(signInPage(ctx, { ticketId: IdParam.safeParse(c.req.param('ticketId')).data }));
    const ticket = await ticketOfPath(db, c);
    if (!ticket) return notFound(c);
    return c.html(await showTicket(db, c, ticket, { flash: flashMessage(ctx.m, c.req.query('flash')) }));
  });

  help.post('/:departmentId/tickets/:ticketId/replies', signedInForm, async (c) => {
    const ticket = await ticketOfPath(db, c);
    if (!ticket) return notFound(c);
    const form = ReplyForm.safeParse(await formOf(c));
    if (!form.success) return redirectWithFlash(c, `/tickets/${ticket.id}`, 'reply_empty');
    await customerReply(db, { ticket, department: c.get('department'), from: c.get('visitor')!.email, body: form.data.body });
    return redirectWithFlash(c, `/tickets/${ticket.id}`, 'replied');
  });

  help.post('/:departmentId/tickets/:ticketId/cc', signedInForm, async (c) => {
    const ticket = await ticketOfPath(db, c);
    if (!ticket) return notFound(c);
    const raw = await formOf(c);
    const state = { email: raw.email ?? '', name: raw.name ?? '' };
    const form = CcForm.safeParse({ email: raw.email ?? '', ...(raw.name?.trim() ? { name: raw.name } : {}) });
    const refusals = form.success
      ? await addCustomerCc(db, { ticketId: ticket.id, department: c.get('department'), contactId: c.get('visitor')!.contactId, form: form.data })
      : [{ message: pageContext(c).m.cc.invalid }];
    if (refusals.length === 0) return redirectWithFlash(c, `/tickets/${ticket.id}`, 'cc_added');
    // Refusals name what the visitor typed, so they are shown on this answer rather than carried in the URL.
    return c.html(await showTicket(db, c, ticket, { cc: { ...state, refusals } }), 422);
  });

  help.post('/:departmentId/tickets/:ticketId/rating', signedInForm, async (c) => {
    const ticket = await ticketOfPath(db, c);
    if (!ticket) return notFound(c);
    if (!(await mayRate(db, ticket))) return c.html(await showTicket(db, c, ticket, { flash: pageContext(c).m.flash.rating_not_yet }), 422);
    const form = RatingForm.safeParse(await formOf(c));
    if (!form.success) return redirectWithFlash(c, `/tickets/${ticket.id}`, 'rating_invalid');
    await rate(db, { ticketId: ticket.id, contactId: c.get('visitor')!.contactId, ...form.data });
    return redirectWithFlash(c, `/tickets/${ticket.id}`, 'rated');
  });
}
