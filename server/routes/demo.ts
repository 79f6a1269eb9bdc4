import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { Db } from '../db/client';
import { DEMO_MAILBOX, demoRows, demoThread } from '../demo/demo-mailbox';
import { gmailInboxPage, gmailThreadPage } from '../demo/gmail-page';
import type { AppEnv } from '../http/app-env';

/** The demo mailbox of `npm start`: Gmail-shaped pages under /demo/gmail, with Gmail's Trusted Types policy. */
export function demoRoutes(app: Hono<AppEnv>, db: Db) {
  app.get('/demo/gmail', async (c) => {
    const nonce = randomBytes(16).toString('base64');
    c.header('Content-Security-Policy', `require-trusted-types-for 'script'; script-src 'nonce-${nonce}'; object-src 'none'; base-uri 'none'`);
    const threadId = c.req.query('thread');
    if (!threadId) return c.html(gmailInboxPage(DEMO_MAILBOX, await demoRows(db), nonce));
    const thread = await demoThread(db, threadId);
    if (!thread) return c.html(gmailInboxPage(DEMO_MAILBOX, await demoRows(db), nonce), 404);
    return c.html(gmailThreadPage(DEMO_MAILBOX, threadId, thread.subject, thread.messages, nonce));
  });
}
