import type { Hono } from 'hono';
import * as contracts from '../../core/contracts';
import type { Db } from '../db/client';
import type { AppEnv } from '../http/app-env';
import { rateLimit } from '../http/rate-limit';
import type { Api } from '../http/route';
import { PIXEL_GIF, recordOpen } from '../receipts/open-pixel';
import { ticketReceipts } from '../receipts/ticket-receipts';
import { getVisibleTicket } from '../tickets/ticket-query';

export function receiptRoutes(api: Api) {
  api.add(contracts.receipts.ofTicket, async ({ db, auth, params }) => ticketReceipts(db, await getVisibleTicket(db, auth.access, params.id)));
}

/**
 * GET /r/:token.gif, the open pixel. No sign-in, and one answer for every request — a known
 * token, an unknown one, receipts off — so it tells nobody anything; never cached, so every open
 * reaches us.
 */
export function openPixelRoute(app: Hono<AppEnv>, db: Db) {
  app.use('/r/*', rateLimit({ limit: 300, windowMs: 60_000, what: 'image' }));
  app.get('/r/:file', async (c) => {
    const file = c.req.param('file');
    if (file.endsWith('.gif')) await recordOpen(db, file.slice(0, -'.gif'.length));
    return c.body(PIXEL_GIF, 200, {
      'Content-Type': 'image/gif',
      'Content-Length': String(PIXEL_GIF.length),
      'Cache-Control': 'no-store, no-cache, must-revalidate, private, max-age=0',
      Pragma: 'no-cache',
      Expires: '0',
      'Referrer-Policy': 'no-referrer',
    });
  });
}
