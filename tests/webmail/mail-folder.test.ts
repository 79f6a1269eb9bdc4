import { describe, expect, it } from 'vitest';
import { gmailFolder } from '../../webmail/gmail/folder';
import { outlookFolder } from '../../webmail/outlook/folder';

describe('the folder a webmail list shows', () => {
  it.each([
    ['', 'inbox'],
    ['#inbox', 'inbox'],
    ['#inbox/FMfcgzQXJWzsmcVZ', 'inbox'],
    ['#spam', 'spam'],
    ['#spam/FMfcgzQXJWzsmcVZ', 'spam'],
    ['#trash', 'trash'],
    ['#all/FMfcgzQXJWzsmcVZ', 'other'],
    ['#label/Spam%20reports', 'other'],
    ['#search/in%3Aspam', 'other'],
    ['#category/social', 'other'],
  ])('Gmail %s is %s', (hash, folder) => expect(gmailFolder(hash)).toBe(folder));

  it.each([
    ['/mail/', 'inbox'],
    ['/mail/inbox', 'inbox'],
    ['/mail/inbox/id/AAQkADAwATM0MDAAMS1iNjU', 'inbox'],
    ['/mail/junkemail', 'spam'],
    ['/mail/0/junkemail', 'spam'],
    ['/mail/JunkEmail/id/AAQkADAwATM0MDAAMS1iNjU', 'spam'],
    ['/mail/deleteditems', 'trash'],
    ['/mail/archive', 'other'],
    ['/calendar/view/month', 'other'],
  ])('Outlook %s is %s', (path, folder) => expect(outlookFolder(path)).toBe(folder));
});
