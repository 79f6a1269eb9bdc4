/** Where a mailbox's secret travels: the server and port, and whether TLS protects it on the way. */
export interface SecretRoute {
  host: string;
  port: number;
  secure: boolean;
}

/**
 * A saved password or token is only ever sent to the server it was saved for: an edit that points
 * the mailbox elsewhere (or turns implicit TLS off) must bring the secret again. Otherwise anyone
 * allowed to edit the mailbox could have the stored secret sent to a server of their own.
 */
export function secretNeeded(saved: SecretRoute, edits: Partial<SecretRoute> & { secret?: string }): boolean {
  if (edits.secret) return false;
  const host = edits.host !== undefined && edits.host.toLowerCase() !== saved.host.toLowerCase();
  const port = edits.port !== undefined && edits.port !== saved.port;
  const lessSecure = saved.secure && edits.secure === false;
  return host || port || lessSecure;
}

export const SECRET_NEEDED_MESSAGE = 'Enter the password or token again: the saved one is only sent to the server, port and TLS setting it was saved for.';
