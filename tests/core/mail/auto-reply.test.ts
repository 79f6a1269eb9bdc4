import { describe, expect, it } from 'vitest';
import { isAutoReply } from '../../../core/mail/auto-reply';

const none = {};

describe('isAutoReply: machine-sent mail never becomes a ticket and is never answered (issue 10, no loops)', () => {
  it('Auto-Submitted other than "no" (RFC 3834), parameters ignored', () => {
    expect(isAutoReply({ 'auto-submitted': ['auto-replied'] }, 'Re: order')).toBe(true);
    expect(isAutoReply({ 'auto-submitted': ['auto-generated; owner-email="x@y.test"'] }, 'Hello')).toBe(true);
    expect(isAutoReply({ 'auto-submitted': ['No'] }, 'Hello')).toBe(false);
  });

  it('X-Autoreply, X-Autorespond and Precedence: auto_reply', () => {
    expect(isAutoReply({ 'x-autoreply': ['yes'] }, 'Hello')).toBe(true);
    expect(isAutoReply({ 'x-autorespond': ['Thanks for writing'] }, 'Hello')).toBe(true);
    expect(isAutoReply({ precedence: ['auto_reply'] }, 'Hello')).toBe(true);
    expect(isAutoReply({ precedence: ['bulk'] }, 'Hello')).toBe(false);
  });

  it('typical responder subjects, English and Japanese, at the start of the subject', () => {
    for (const subject of ['Out of Office: Invoice', 'Automatic reply: Invoice', 'AutoReply: Invoice', '自動応答: 請求書', '不在: 請求書', '不在通知', 'Out of office']) {
      expect(isAutoReply(none, subject), subject).toBe(true);
    }
  });

  it('a customer writing about office hours still gets a ticket', () => {
    expect(isAutoReply(none, 'Out of office hours support?')).toBe(false);
    expect(isAutoReply(none, 'Question about the automatic reply feature')).toBe(false);
    expect(isAutoReply(none, '不在時の配達について')).toBe(false);
  });

  it('X-Auto-Response-Suppress: All/OOF counts only with responder wording in the subject (Outlook sets it on ordinary mail too)', () => {
    expect(isAutoReply({ 'x-auto-response-suppress': ['All'] }, 'Re: [EXTERNAL] vacation notice')).toBe(true);
    expect(isAutoReply({ 'x-auto-response-suppress': ['DR, OOF'] }, 'Re: absence until Monday')).toBe(true);
    expect(isAutoReply({ 'x-auto-response-suppress': ['All'] }, 'Invoice 2026-11')).toBe(false);
  });
});
