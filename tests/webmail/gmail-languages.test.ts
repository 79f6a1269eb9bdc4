// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createGmailAdapter } from '../../webmail/gmail/adapter';
import { loadFixture } from './page-helpers';

/** Issue 19, item 8: To and Cc in a Gmail whose interface is not English or Japanese. */

const SUPPORT = { name: 'Acme Support', email: 'support@acme.test' };
const LENA = { name: 'Lena Kollegin', email: 'lena@kunde.test' };
const MAX = { name: 'Max Einkauf', email: 'max@kunde.test' };

const first = () => createGmailAdapter(document).openThread()!.messages[0]!;
const relabel = (from: string, to: string) => {
  for (const label of document.querySelectorAll('span.gI')) if (label.textContent === from) label.textContent = to;
};

describe('Gmail in German', () => {
  it('reads To and Cc apart from the details table ("An:", "Cc:")', () => {
    loadFixture('gmail-thread-de.html');
    expect(first()).toMatchObject({ to: [SUPPORT], cc: [LENA, MAX] });
  });

  it('keeps Cc out of To when the to label is one we do not know (here Finnish "Vastaanottaja:")', () => {
    loadFixture('gmail-thread-de.html');
    relabel('An:', 'Vastaanottaja:');
    expect(first()).toMatchObject({ to: [SUPPORT], cc: [LENA, MAX] });
  });

  it('reads French labels ("à :", "cc :") too', () => {
    loadFixture('gmail-thread-de.html');
    relabel('An:', 'à :');
    relabel('Cc:', 'cc :');
    expect(first()).toMatchObject({ to: [SUPPORT], cc: [LENA, MAX] });
  });

  it('without the details table, counts the summary as To (Gmail shows nothing that tells them apart)', () => {
    loadFixture('gmail-thread-de.html');
    expect(createGmailAdapter(document).openThread()!.messages[1]).toMatchObject({ to: [{ email: 'jonas@kunde.test' }, LENA], cc: [] });
  });
});
