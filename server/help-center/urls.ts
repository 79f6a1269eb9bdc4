/** Customer-facing help center addresses; notification mails link to these too. */
export function helpCenterUrl(publicUrl: string, departmentId: number, ticketId?: number): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/help/${departmentId}`;
  return ticketId === undefined ? base : `${base}/tickets/${ticketId}`;
}

/** The single-use link a sign-in mail carries; opening it only shows a button (mail scanners prefetch links). */
export function signInLinkUrl(publicUrl: string, departmentId: number, token: string): string {
  return `${helpCenterUrl(publicUrl, departmentId)}/sign-in/${encodeURIComponent(token)}`;
}
