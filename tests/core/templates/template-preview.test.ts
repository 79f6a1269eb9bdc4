import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '../../../core/templates/placeholders';
import { SAMPLE_VALUES, insertPlaceholder, isHtmlBody, previewDocument, previewTemplate, removedOnSend } from '../../../core/templates/template-preview';
import { renderReply } from '../../../server/mail/render';

describe('R-REPLY-2 template preview', () => {
  it('has a sample value for every placeholder', () => {
    for (const name of PLACEHOLDERS) expect(SAMPLE_VALUES[name]).not.toBe('');
  });

  it('fills subject and a plain-text body with the sample values', () => {
    const preview = previewTemplate({ subject: 'Re: {{ticket.subject}} (#{{ticket.number}})', body: 'Dear {{contact.name}},\n\nThanks.\n{{agent.name}}' }, SAMPLE_VALUES);
    expect(preview).toEqual({
      subject: 'Re: Cannot sign in to my account (#1024)',
      kind: 'text',
      text: 'Dear Hanako Yamada,\n\nThanks.\nTaro Suzuki',
    });
  });

  it('leaves an unknown placeholder visible, as the server would refuse it', () => {
    const preview = previewTemplate({ subject: '', body: 'Hi {{contact.nme}}' }, SAMPLE_VALUES);
    expect(preview.kind === 'text' && preview.text).toBe('Hi {{contact.nme}}');
  });

  it('shows a plain-text body as the text part render.ts sends', () => {
    const values = { ...SAMPLE_VALUES, 'contact.name': 'Bob <b> & "Co"' };
    for (const body of ['Hi {{contact.name}},\r\n\r\n\r\n\r\nx < y && a > b', '  &amp; stays typed\n\n\n\nBye  ', "It's {{ticket.number}}"]) {
      const preview = previewTemplate({ subject: 'S {{contact.name}}\nnext', body }, values);
      const sent = renderReply({ subject: 'S {{contact.name}}\nnext', body }, values);
      expect(preview.kind === 'text' && preview.text).toBe(sent.text);
      expect(preview.subject).toBe(sent.subject);
    }
  });

  it('treats a body that starts with a tag as HTML, escaping values in it', () => {
    expect(isHtmlBody('  <p>x</p>')).toBe(true);
    expect(isHtmlBody('x <p>')).toBe(false);
    const values = { ...SAMPLE_VALUES, 'contact.name': '<script>alert(1)</script>' };
    const preview = previewTemplate({ subject: '', body: '<p>Hi {{contact.name}}</p>' }, values);
    expect(preview.kind).toBe('html');
    if (preview.kind !== 'html') return;
    expect(preview.document).toContain('<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(preview.document).not.toContain('<script>');
    expect(preview.removed).toEqual({ tags: [], attributes: [] });
    // What the preview shows is what is sent when nothing is removed.
    expect(preview.document).toContain(renderReply({ subject: '', body: '<p>Hi {{contact.name}}</p>' }, values).html);
  });

  it('wraps the frame document in a policy that blocks every fetch', () => {
    expect(previewDocument('<p>x</p>')).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*">/);
  });
});

describe('removedOnSend', () => {
  it('names tags and attributes the sender strips, once each', () => {
    const html = '<p style="color:red" class="x">a</p><img src="https://t.example/p.gif"><script>x()</script><IMG src=y><a href="https://x.example" onclick="x()">l</a><br/>';
    expect(removedOnSend(html)).toEqual({ tags: ['img', 'script'], attributes: ['style', 'class', 'onclick'] });
  });

  it('keeps the allowed markup', () => {
    expect(removedOnSend('<h1>T</h1><a href="mailto:a@b.example" title="t" rel="x">m</a><table><tr><td>1</td></tr></table>')).toEqual({ tags: [], attributes: [] });
  });
});

describe('insertPlaceholder', () => {
  it('inserts at the cursor and puts the cursor after it', () => {
    expect(insertPlaceholder('Hello !', 6, 6, 'contact.name')).toEqual({ text: 'Hello {{contact.name}}!', caret: 22 });
  });

  it('replaces a selection, and clamps positions outside the text', () => {
    expect(insertPlaceholder('Hi NAME', 3, 7, 'agent.name')).toEqual({ text: 'Hi {{agent.name}}', caret: 17 });
    expect(insertPlaceholder('ab', 9, 12, 'ticket.number')).toEqual({ text: 'ab{{ticket.number}}', caret: 19 });
  });
});
