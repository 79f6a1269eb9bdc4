import type { DemoRow } from '../../server/demo/gmail-page';

/*
 * The badges bench's rows with Gmail's reading pane on the right (see
 * tests/webmail/fixtures/gmail-reading-pane-right.html): three <tr>s per conversation, only the
 * first with the checkbox, sender and date, the second with the ids and subject. The bench's text is
 * its own (no markup in it), so plain string building is safe here.
 */

const longDate = (d: Date) => d.toLocaleString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

function splitRow(r: DemoRow, i: number): string {
  const decimal = BigInt(`0x${r.threadId}`).toString();
  return `<tr class="zA zE apv" id=":r${i}" role="row"><td class="oZ-x3 xY" rowspan="3"><div class="oZ-jc T-Jo" role="checkbox" aria-checked="false"></div></td>
<td class="yX xY apy"><div class="yW"><span class="zF" email="${r.from.email}" name="${r.from.name}">${r.from.name}</span></div></td>
<td class="yf xY apt"><div class="apm"><span title="${longDate(r.date)}">${longDate(r.date)}</span></div></td></tr>
<tr class="zA zE apy" role="row"><td class="xY apB" colspan="2"><div class="xS" role="link"><div class="xT"><div class="y6"><span id=":s${i}"><span data-thread-id="#thread-f:${decimal}" data-legacy-thread-id="${r.threadId}">${r.subject}</span></span></div></div></div></td></tr>
<tr class="apw"><td class="xY apB" colspan="2"><span class="y2">${r.snippet}</span></td></tr>`;
}

/** The rows' tbody content in the right-hand reading pane layout. */
export function rightPaneRows(rows: DemoRow[]): string {
  return rows.map(splitRow).join('\n');
}
