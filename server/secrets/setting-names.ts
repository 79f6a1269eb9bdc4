/** How errors and the start-up log name a stored secret: which one, never its value. */
export const mailboxSetting = (m: { id: number; username: string; host: string }) => `The password or token of mailbox ${m.id} (${m.username} at ${m.host})`;

export const smtpSetting = (d: { id: number; name?: string }) => `The SMTP settings of department ${d.id}${d.name ? ` (${d.name})` : ''}`;
