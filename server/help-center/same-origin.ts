/**
 * Whether a form POST came from one of our own pages, against login CSRF (another site posting a
 * sign-in link of the attacker's own, signing the visitor in to the attacker's account). Our
 * origins are PUBLIC_URL's and the request's own host (the address the browser used). Evidence,
 * strongest first: Sec-Fetch-Site, then Origin, then Referer (when a browser sends no Origin).
 * With none of them (not a browser) there is nothing cross-site to refuse. Our pages send the
 * Referrer-Policy `same-origin`, so a browser posting them sends a real Origin, never "null".
 */
export function isSameOriginPost(headers: Headers, ours: { publicUrl: string; host: string }): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.get('origin');
  if (origin !== null) return isOurs(origin, ours);
  const referer = headers.get('referer');
  return referer === null || isOurs(referer, ours);
}

function isOurs(url: string, ours: { publicUrl: string; host: string }): boolean {
  const parsed = URL.parse(url);
  // "null" (an opaque origin: a sandboxed frame, a data: page) does not parse and is refused.
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return false;
  return parsed.origin === new URL(ours.publicUrl).origin || parsed.host === ours.host.toLowerCase();
}
