import type { Context, MiddlewareHandler } from 'hono';
import { forbiddenPage } from './error-pages';
import type { FlashKey } from './messages';
import { pageContext, type HelpEnv } from './page-context';
import { sameSecret } from './secrets';

/** A posted form's text fields; files and repeated names are ignored. */
export async function formOf(c: Context<HelpEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * Every POST of a signed-in page carries the session's CSRF token: another site can make a
 * browser post here, but cannot read the token out of our pages. Without both, 403.
 */
export const signedInForm: MiddlewareHandler<HelpEnv> = async (c, next) => {
  const visitor = c.get('visitor');
  const { csrf } = await formOf(c);
  if (!visitor || csrf === undefined || !sameSecret(csrf, visitor.csrfToken)) return c.html(forbiddenPage(pageContext(c)), 403);
  await next();
};

/** POST-redirect-GET: the result travels as a key from a fixed list, never as text someone typed. */
export function redirectWithFlash(c: Context<HelpEnv>, subPath: string, flash: FlashKey) {
  return c.redirect(pageContext(c).href(subPath, { flash }), 303);
}
