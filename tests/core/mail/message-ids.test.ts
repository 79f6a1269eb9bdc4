import { describe, expect, it } from 'vitest';
import { messageIdSpellings, messageIdsIn } from '../../../core/mail/message-ids';

describe('messageIdsIn: the ids In-Reply-To and References name', () => {
  it('reads bracketed ids separated by spaces, commas and folds, once each', () => {
    expect(messageIdsIn('<a@x.test> <b@x.test>,\r\n <c@x.test> <a@x.test>')).toEqual(['<a@x.test>', '<b@x.test>', '<c@x.test>']);
    expect(messageIdsIn(['<a@x.test>', '<b@x.test>'])).toEqual(['<a@x.test>', '<b@x.test>']);
  });

  it('accepts a lone id without brackets and ignores noise', () => {
    expect(messageIdsIn('a@x.test')).toEqual(['<a@x.test>']);
    expect(messageIdsIn('not an id')).toEqual([]);
    expect(messageIdsIn(undefined)).toEqual([]);
  });

  it('messageIdSpellings adds the unbracketed form', () => {
    expect(messageIdSpellings(['<a@x.test>'])).toEqual(['<a@x.test>', 'a@x.test']);
  });
});
