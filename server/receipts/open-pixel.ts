import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** A transparent 1×1 GIF: what every pixel request gets, known token or not. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The only shape a token has (base64url of 16 random bytes): anything else is not looked up. */
const OPEN_TOKEN = /^[A-Za-z0-9_-]{22}$/;

/**
 * The image one recipient's copy carries (R-RCPT-2). Its URL holds only the random token: never
 * the address or the ticket (the README's privacy section says so).
 */
export function withOpenPixel(html: string, publicUrl: string, openToken: string): string {
  const src = `${publicUrl.replace(/\/+$/, '')}/r/${openToken}.gif`;
  return `${html}<img src="${src}" width="1" height="1" alt="" style="border:0;width:1px;height:1px">`;
}

/**
 * Records an open: first and last time and the count. Only while the recipient's department still
 * has receipts on (R-RCPT-1, R-RCPT-9: turning them off stops recording too, not only showing).
 */
export async function recordOpen(db: Db, token: string): Promise<void> {
  if (!OPEN_TOKEN.test(token)) return;
  await db.execute(sql`
    update reply_recipients r
       set open_count = r.open_count + 1,
           first_opened_at = coalesce(r.first_opened_at, now()),
           last_opened_at = now()
      from tickets t, departments d
     where r.open_token = ${token}
       and t.id = r.ticket_id
       and d.id = t.department_id
       and (d.features ->> 'receipts')::boolean`);
}
