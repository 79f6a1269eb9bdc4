import { describe, expect, it } from 'vitest';
import { subjectKey } from '../../../core/mail/subject-key';
import { senderKey } from '../../../core/rules/address';

describe("subjectKey: one conversation's subject as the webmail and the mailbox show it", () => {
  it('ignores case, outer spaces and runs of spaces', () => {
    expect(subjectKey('  Order   MISSING ')).toBe('order missing');
    expect(subjectKey('Order\tmissing')).toBe(subjectKey('order missing'));
  });

  it('strips reply and forward prefixes, repeatedly and in any case', () => {
    for (const subject of ['Re: Order missing', 'RE: Order missing', 'Fwd: Order missing', 'FW: RE: Order missing', 'AW:Order missing', 're: re:  Order missing']) {
      expect(subjectKey(subject), subject).toBe('order missing');
    }
  });

  it('strips Japanese prefixes, with a full-width colon too', () => {
    expect(subjectKey('返信: 注文が届かない')).toBe('注文が届かない');
    expect(subjectKey('転送：返信: 注文が届かない')).toBe('注文が届かない');
  });

  it('drops the [#1234] tag our mail adds, before or between prefixes', () => {
    expect(subjectKey('[#1234] Order missing')).toBe('order missing');
    expect(subjectKey('Re: [#1234] Order missing')).toBe('order missing');
    expect(subjectKey('[#1234] Re: Order missing')).toBe('order missing');
  });

  it('keeps prefixes that are part of the words, and other tags', () => {
    expect(subjectKey('Regarding my order')).toBe('regarding my order');
    expect(subjectKey('Order #1234 is late')).toBe('order #1234 is late');
    expect(subjectKey('[EXTERNAL] Re: hi')).toBe('[external] re: hi');
  });

  it('an empty subject stays empty', () => {
    expect(subjectKey('')).toBe('');
    expect(subjectKey('Re: ')).toBe('');
  });
});

describe('senderKey: the address of a From line', () => {
  it('reads the address from "Name <address>" or takes a bare one, case-insensitively', () => {
    expect(senderKey('Alice Customer <Alice@Customer.test>')).toBe('alice@customer.test');
    expect(senderKey(' ALICE@customer.test ')).toBe('alice@customer.test');
  });
});
