import { describe, expect, it } from 'vitest';
import type { PlaceholderValues } from '../../../core/templates/placeholders';
import { renderReply } from '../../../server/mail/render';

const values: PlaceholderValues = {
  'contact.name': 'Bob <img src=x onerror=alert(1)>',
  'contact.email': 'bob@buyer.example',
  'ticket.number': '1042',
  'ticket.subject': 'Where is my refund?',
  'agent.name': '佐藤 美咲',
  'department.name': 'Support',
};

describe('rendering a reply (R-REPLY-2)', () => {
  it('escapes values in the HTML part and keeps them readable in the text part', () => {
    const r = renderReply({ subject: 'Re: {{ticket.subject}} [#{{ticket.number}}]', body: '<p>Hi {{contact.name}},</p><p>Fixed.<br>{{agent.name}}</p>' }, values);
    expect(r.subject).toBe('Re: Where is my refund? [#1042]');
    expect(r.html).toContain('Hi Bob &lt;img src=x onerror=alert(1)&gt;,');
    expect(r.html).not.toMatch(/<img/);
    expect(r.text).toBe('Hi Bob <img src=x onerror=alert(1)>,\nFixed.\n佐藤 美咲');
  });

  it('sanitises what the template itself contains: no scripts, handlers or javascript: links', () => {
    const r = renderReply(
      { subject: 's', body: '<p onclick="x()">Hi</p><script>steal()</script><a href="javascript:evil()">a</a><a href="https://status.example">status</a>' },
      values,
    );
    expect(r.html).toBe('<p>Hi</p><a rel="noopener noreferrer">a</a><a href="https://status.example" rel="noopener noreferrer">status</a>');
  });

  it('a plain-text body keeps its line breaks; a subject never carries a line break (header injection)', () => {
    const r = renderReply({ subject: 'Hi\r\nBcc: everyone@example.com', body: 'Line one\nLine <two>' }, values);
    expect(r.subject).toBe('Hi Bcc: everyone@example.com');
    expect(r.html).toBe('Line one<br />Line &lt;two&gt;');
    expect(r.text).toBe('Line one\nLine <two>');
  });
});
