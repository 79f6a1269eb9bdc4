/** Where each webmail lives; content scripts and the manifest read these. */
export const GMAIL_MATCHES = ['https://mail.google.com/*'];
/**
 * Outlook on the web: work and school accounts (office.com, office365.com), Outlook.com (live.com)
 * and Microsoft 365's unified address (cloud.microsoft, Microsoft 365 docs "Unified cloud.microsoft
 * domain", 2024-04). Popped-out reading windows and deep links open on the same hosts.
 */
export const OUTLOOK_MATCHES = ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'];
/** The backend's demo mailbox (`npm start`): development builds only. */
export const DEMO_GMAIL_MATCHES = ['http://127.0.0.1/demo/gmail*', 'http://localhost/demo/gmail*'];
