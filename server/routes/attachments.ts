import type { Hono } from 'hono';
import { attachmentDownload } from '../../core/contracts/attachments';
import { visibleAttachment } from '../attachments/attachment-file';
import type { Db } from '../db/client';
import { ApiFailure } from '../http/api-failure';
import type { AppEnv } from '../http/app-env';
import { requireAgent } from '../http/auth';

/** RFC 5987 form, so any filename (請求書.pdf, quotes, semicolons) survives the header intact. */
const contentDisposition = (filename: string) =>
  `attachment; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/**
 * GET /api/v1/attachments/:id, the bytes of a kept attachment for agents who may view its ticket.
 * Raw Hono rather than Api.add, whose answers are JSON. The sender's content type is never echoed:
 * a text/html "attachment" must not render on our origin, so it is always a download.
 */
export function attachmentRoutes(v1: Hono<AppEnv>, db: Db) {
  v1.get(attachmentDownload.path, requireAgent(db), async (c) => {
    const params = attachmentDownload.params.safeParse(c.req.param());
    if (!params.success) throw new ApiFailure(400, 'VALIDATION', 'The attachment id must be a positive integer.');
    const file = await visibleAttachment(db, c.get('auth'), params.data.id);
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(file.content.length),
      'Content-Disposition': contentDisposition(file.filename),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });
}
