/**
 * The conversation a deep link or popped-out reading window opens, from its path:
 * /mail/deeplink/readconv/<id>, /mail/id/<id> and /mail/<folder>/id/<id> (Outlook's own address
 * for an open conversation, see thread-url.ts). Outlook may write the base64 id URL-safe ('-',
 * '_'); rows carry it in the standard alphabet, which has neither, so mapping back is lossless.
 */
export function conversationIdInUrl(pathname: string): string | null {
  const match = /\/(?:deeplink\/readconv|id)\/([^/?#]+)/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]).replace(/-/g, '+').replace(/_/g, '/');
  } catch {
    return null;
  }
}
