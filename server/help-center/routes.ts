import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Db } from '../db/client';
import { departments } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { describeError, knownFailure } from '../http/error-report';
import { failedPage, notFoundPage, tooManyPage } from './error-pages';
import { pickLanguage } from './language';
import { bareContext, pageContext, type HelpEnv } from './page-context';
import { currentVisitor } from './session';
import type { SignInQueue } from './sign-in-queue';
import { homeRoute, signInRoutes } from './sign-in-routes';
import { ticketRoutes } from './ticket-routes';

const MAX_FORM_BYTES = 64 * 1024;

/**
 * Pages with customers' mail in them: no scripts, no framing, no caching, no referrer leaking a
 * link's token to another site (same-origin: our own forms carry a real Origin, see same-origin.ts).
 */
const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; img-src 'self'");
  c.res.headers.set('X-Frame-Options', 'DENY');
  c.res.headers.set('Referrer-Policy', 'same-origin');
  c.res.headers.set('Cache-Control', 'no-store');
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
};

const language: MiddlewareHandler<HelpEnv> = async (c, next) => {
  const { lang, explicit } = pickLanguage(c.req.query('lang'), c.req.header('Accept-Language'));
  c.set('lang', lang);
  c.set('langExplicit', explicit);
  await next();
};

/** The department of the path, if its help center is on; otherwise a 404 that says nothing of the department. */
function departmentOf(db: Db): MiddlewareHandler<HelpEnv> {
  return async (c, next) => {
    const id = c.req.param('departmentId') ?? '';
    const [department] = /^\d{1,15}$/.test(id)
      ? await db
          .select()
          .from(departments)
          .where(eq(departments.id, Number(id)))
      : [];
    if (!department?.helpCenter) return c.html(notFoundPage(bareContext(c.get('lang'), c.req.path)), 404);
    c.set('department', department);
    c.set('visitor', await currentVisitor(db, c, department.id));
    await next();
  };
}

function errorPage(c: Context<HelpEnv>, error: Error) {
  const ctx = c.get('department') ? pageContext(c) : bareContext(c.get('lang') ?? 'en', c.req.path);
  const status = knownFailure(error)?.status ?? (error instanceof HTTPException ? error.status : 500);
  if (status === 429) return c.html(tooManyPage(ctx), 429);
  if (status === 500) console.error(`[help center ${randomUUID()}] ${describeError(error)}`);
  return c.html(failedPage(ctx), status);
}

/**
 * The customers' help center at /help/:departmentId (R-CC-8): sign-in by e-mailed link, the
 * visitor's tickets, replies, CCs and ratings, in English or Japanese.
 */
export function helpCenterRoutes(app: Hono<AppEnv>, db: Db, mail: { publicUrl: string; signIns: SignInQueue }) {
  const help = new Hono<HelpEnv>();
  help.onError((error, c) => errorPage(c, error));
  help.use('*', securityHeaders, bodyLimit({ maxSize: MAX_FORM_BYTES }), language);
  // Also matches /help/:departmentId itself.
  help.use('/:departmentId/*', departmentOf(db));
  homeRoute(help, db);
  signInRoutes(help, db, mail);
  ticketRoutes(help, db);
  help.all('*', (c) => c.html(notFoundPage(c.get('department') ? pageContext(c) : bareContext(c.get('lang'), c.req.path)), 404));
  app.route('/help', help);
}
