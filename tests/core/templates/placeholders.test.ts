import { describe, expect, it } from 'vitest';
import { escapeHtml, fillPlaceholders, unknownPlaceholders, type PlaceholderValues } from '../../../core/templates/placeholders';

const values: PlaceholderValues = {
  'contact.name': 'Bob <script>alert(1)</script>',
  'contact.email': 'bob@buyer.example',
  'ticket.number': '1042',
  'ticket.subject': 'Refund "now"',
  'agent.name': '佐藤 美咲',
  'department.name': 'Support',
};

describe('R-REPLY-2 placeholders', () => {
  it('fills every known placeholder, tolerating spaces inside the braces', () => {
    expect(fillPlaceholders('Hi {{contact.name}}, #{{ ticket.number }} by {{agent.name}}', values)).toBe('Hi Bob <script>alert(1)</script>, #1042 by 佐藤 美咲');
  });

  it('HTML-escapes values for the HTML part', () => {
    expect(fillPlaceholders('<p>Hi {{contact.name}} re {{ticket.subject}}</p>', values, escapeHtml)).toBe(
      '<p>Hi Bob &lt;script&gt;alert(1)&lt;/script&gt; re Refund &quot;now&quot;</p>',
    );
  });

  it('names unknown placeholders once each, and accepts text without any', () => {
    expect(unknownPlaceholders('Hi {{contact.nme}} {{contact.nme}} {{ticket.id}} {{ticket.number}}')).toEqual(['contact.nme', 'ticket.id']);
    expect(unknownPlaceholders('No placeholders, {single} braces')).toEqual([]);
  });
});
