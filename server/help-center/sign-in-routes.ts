import type { Hono } from 'hono';
import { Email, IdParam } from '../../core/schemas/common';
import type { Db } from '../db/client';
import { WindowCounter } from '../http/rate-limit';
import { flashMessage } from './flash';
import { formOf, redirectWithFlash, signedInForm } from './guards';
import { pageContext, type HelpEnv } from './page-context';
import { endSession, startSession } from './session';
import { consumeSignInLink, isUsableLink } from './sign-in-links';
import type { SignInQueue } from './sign-in-queue';
import { isSameOriginPost } from './same-origin';
import { confirmLinkPage, crossSitePage, invalidLinkPage, linkSentPage, signInPage } from './sign-in-pages';
import { visibleTickets } from './ticket-access';
import { ticketListPage } from './ticket-pages';

const QUARTER_HOUR = 15 * 60_000;
/** Sign-in requests per client address per quarter hour, whatever addresses they name. */
const REQUESTS_PER_CLIENT = 20;

const ticketIdOf = (value: string | undefined) => IdParam.safeParse(value).data;

/** The ticket list for a signed-in visitor, else the sign-in form (remembering the ticket a notification pointed at). */
export function homeRoute(help: Hono<HelpEnv>, db: Db) {
  help.get('/:departmentId', async (c) => {
    const ctx = pageContext(c);
    const flash = flashMessage(ctx.m, c.req.query('flash'));
    const visitor = c.get('visitor');
    if (!visitor) return c.html(signInPage(ctx, { ticketId: ticketIdOf(c.req.query('ticket')) }, flash));
    const rows = await visibleTickets(db, { contactId: visitor.contactId, department: c.get('department') });
    return c.html(ticketListPage(ctx, rows, flash));
  });
}

export function signInRoutes(help: Hono<HelpEnv>, db: Db, mail: { publicUrl: string; signIns: SignInQueue }) {
  const perClient = new WindowCounter({ limit: REQUESTS_PER_CLIENT, windowMs: QUARTER_HOUR });

  help.post('/:departmentId/sign-in', async (c) => {
    const ctx = pageContext(c);
    const form = await formOf(c);
    const ticketId = ticketIdOf(form.ticket);
    const email = Email.safeParse(form.email?.trim());
    if (!email.success) return c.html(signInPage(ctx, { ticketId, email: form.email ?? '', error: ctx.m.signIn.emailInvalid }), 400);
    // Over the limit the answer stays the same; only the mail is not sent. The link is made after
    // answering, so the answer takes as long for an unknown address as for a customer's.
    if (perClient.hit(c.get('client')) === null) {
      mail.signIns.add({ email: email.data, department: c.get('department'), ticketId: ticketId ?? null, m: ctx.m, publicUrl: mail.publicUrl });
    }
    return c.html(linkSentPage(ctx));
  });

  help.get('/:departmentId/sign-in/:token', async (c) => {
    const ctx = pageContext(c);
    const token = c.req.param('token');
    if (!(await isUsableLink(db, token, c.get('department').id))) return c.html(invalidLinkPage(ctx), 410);
    return c.html(confirmLinkPage(ctx, token));
  });

  help.post('/:departmentId/sign-in/:token', async (c) => {
    const ctx = pageContext(c);
    // Checked before the link is used up, so a forged post leaves it working for its owner.
    if (!isSameOriginPost(c.req.raw.headers, { publicUrl: mail.publicUrl, host: new URL(c.req.url).host })) return c.html(crossSitePage(ctx), 403);
    const departmentId = c.get('department').id;
    const link = await consumeSignInLink(db, c.req.param('token'), departmentId);
    if (!link) return c.html(invalidLinkPage(ctx), 410);
    await startSession(db, c, { contactId: link.contactId, departmentId, publicUrl: mail.publicUrl });
    return c.redirect(ctx.href(link.ticketId === null ? '' : `/tickets/${link.ticketId}`), 303);
  });

  help.post('/:departmentId/sign-out', signedInForm, async (c) => {
    await endSession(db, c, { sessionId: c.get('visitor')!.sessionId, departmentId: c.get('department').id, publicUrl: mail.publicUrl });
    return redirectWithFlash(c, '', 'signed_out');
  });
}
