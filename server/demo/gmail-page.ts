import { html, SafeHtml } from './html';

/*
 * A Gmail-like mailbox for the demo (`npm start`) and the end-to-end tests: the same structure the
 * Gmail adapter reads on mail.google.com (see tests/webmail/fixtures), filled from the database.
 */

export interface DemoPerson {
  name: string;
  email: string;
}

export interface DemoRow {
  threadId: string;
  subject: string;
  snippet: string;
  from: DemoPerson;
  date: Date;
}

export interface DemoMessage {
  messageId: string;
  from: DemoPerson;
  to: DemoPerson[];
  cc: DemoPerson[];
  date: Date;
  body: string;
}

const longDate = (d: Date) => d.toLocaleString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
const shortDate = (d: Date) => d.toLocaleString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Gmail toggles selection in its own script; this one does the same with class and ARIA only. */
const SELECTION_SCRIPT = `document.addEventListener('click', (e) => {
  const box = e.target.closest('[role=checkbox][data-row-checkbox]');
  if (!box) return;
  const checked = box.getAttribute('aria-checked') !== 'true';
  box.setAttribute('aria-checked', String(checked));
  box.closest('tr').classList.toggle('x7', checked);
});`;

const STYLE = `body{margin:0;font:14px Roboto,Arial,sans-serif;color:#1f1f1f;background:#f6f8fc}
header{display:flex;justify-content:space-between;align-items:center;height:56px;padding:0 16px}
div[role=main]{margin:0 16px;background:#fff;border-radius:16px;padding-bottom:8px}
div[gh=tm]{display:flex;gap:8px;height:48px;align-items:center;padding:0 16px}
table[role=grid]{width:100%;border-collapse:collapse}tr.zA td{height:40px;border-bottom:1px solid #f1f3f4;white-space:nowrap}
tr.x7{background:#c2dbff}div[role=checkbox]{width:16px;height:16px;border:2px solid #5f6368;border-radius:2px;cursor:pointer}
div[role=checkbox][aria-checked=true]{background:#1a73e8;border-color:#1a73e8}td.xW{text-align:right;padding-right:16px}
span.y2{color:#5f6368}a{color:inherit;text-decoration:none}.adn{padding:12px 16px;border-bottom:1px solid #eee}.a3s{white-space:pre-wrap}
.demo-note{font-size:12px;color:#5f6368;padding:4px 16px}`;

function shell(title: string, mailbox: string, main: SafeHtml, nonce: string): string {
  const script = new SafeHtml(SELECTION_SCRIPT);
  return `<!DOCTYPE html>${html`<html lang="en"><head><meta charset="utf-8"><title>${title} - ${mailbox} - Gmail</title><style>${new SafeHtml(STYLE)}</style></head>
<body><header role="banner"><a href="?" aria-label="Gmail">Gmail (Inbox Desk demo)</a>
<a aria-label="Google Account: Demo Support (${mailbox})" href="?">${mailbox}</a></header>
<div class="demo-note">A demo mailbox served by the Inbox Desk backend, shaped like Gmail so the extension works on it.</div>
<div class="nH"><div class="nH" role="main">${main}</div></div>
<script nonce="${nonce}">${script}</script></body></html>`}`;
}

function row(r: DemoRow): SafeHtml {
  return html`<tr class="zA zE" role="row">
<td class="oZ-x3 xY" role="gridcell"><div class="oZ-jc T-Jo" role="checkbox" data-row-checkbox aria-checked="false" aria-label="Select"></div></td>
<td class="yX xY"><div class="yW"><span class="bA4"><span class="zF" email="${r.from.email}" name="${r.from.name}">${r.from.name}</span></span></div></td>
<td class="xY a4W" role="gridcell"><a href="?thread=${r.threadId}"><span class="bog"><span data-thread-id="#thread-f:${BigInt(`0x${r.threadId}`).toString()}" data-legacy-thread-id="${r.threadId}">${r.subject}</span></span><span class="y2"> - ${r.snippet}</span></a></td>
<td class="xW xY" role="gridcell"><span title="${longDate(r.date)}"><span>${shortDate(r.date)}</span></span></td></tr>`;
}

export function gmailInboxPage(mailbox: string, rows: DemoRow[], nonce: string): string {
  const main = html`<div class="nH aqK" gh="tm"><div role="button" aria-label="Select">Select</div><div role="button" aria-label="Archive">Archive</div></div>
<table class="F cf zt" role="grid"><tbody>${rows.map(row)}</tbody></table>`;
  return shell(`Inbox (${rows.length})`, mailbox, main, nonce);
}

const person = (p: DemoPerson, cls: string) => html`<span class="${cls}" email="${p.email}" name="${p.name}">${p.name}</span>`;
const people = (list: DemoPerson[]) => list.map((p, i) => html`${i ? ', ' : ''}${person(p, 'g2')}`);

function message(m: DemoMessage): SafeHtml {
  return html`<div class="adn ads" data-message-id="#msg-f:${BigInt(`0x${m.messageId}`).toString()}" data-legacy-message-id="${m.messageId}">
<h3 class="iw">${person(m.from, 'gD')} <span class="go">&lt;${m.from.email}&gt;</span></h3>
<span class="g3" title="${longDate(m.date)}">${longDate(m.date)}</span>
<div class="iw ajw"><span class="hb">to ${people([...m.to, ...m.cc])}</span></div>
<div class="ajA SK" role="dialog" aria-label="Message details"><table class="ajC"><tbody>
<tr><td><span class="gI">from:</span></td><td>${person(m.from, 'gD')}</td></tr>
<tr><td><span class="gI">to:</span></td><td>${people(m.to)}</td></tr>
${m.cc.length ? html`<tr><td><span class="gI">cc:</span></td><td>${people(m.cc)}</td></tr>` : ''}
</tbody></table></div>
<div class="ii gt"><div class="a3s aiL">${m.body}</div></div></div>`;
}

export function gmailThreadPage(mailbox: string, threadId: string, subject: string, messages: DemoMessage[], nonce: string): string {
  const main = html`<div class="nH aqK" gh="tm"><a role="button" aria-label="Back to Inbox" href="?">Back</a></div>
<div class="nH if" role="list"><div class="ha"><h2 class="hP" data-thread-perm-id="thread-f:${BigInt(`0x${threadId}`).toString()}" data-legacy-thread-id="${threadId}">${subject}</h2></div>
${messages.map((m) => html`<div class="h7" role="listitem">${message(m)}</div>`)}</div>`;
  return shell(subject, mailbox, main, nonce);
}
