/** Where each webmail lives; content scripts and the manifest read these. */
export const GMAIL_MATCHES = ['https://mail.google.com/*'];
export const OUTLOOK_MATCHES = ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'];
/** The backend's demo mailbox (`npm start`): development builds only. */
export const DEMO_GMAIL_MATCHES = ['http://127.0.0.1/demo/gmail*', 'http://localhost/demo/gmail*'];
