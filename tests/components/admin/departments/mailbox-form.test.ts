import { describe, expect, it } from 'vitest';
import {
  bytesOf,
  createBody,
  draftComplete,
  draftOf,
  emptyDraft,
  patchBody,
  PRESETS,
  secretRequired,
  sizeParts,
  testBody,
} from '../../../../components/admin/departments/mailbox-form';
import type { Mailbox } from '../../../../core/schemas/mailbox';
import { MailboxCreate, MailboxPatch, MailboxTest } from '../../../../core/schemas/mailbox';

const saved: Mailbox = {
  id: 7,
  departmentId: 1,
  host: 'imap.gmail.com',
  port: 993,
  secure: true,
  username: 'support@acme.test',
  auth: 'password',
  folder: 'INBOX',
  enabled: true,
  gmail: true,
  lastPolledAt: null,
  lastError: null,
  hasSecret: true,
};

describe('the mailbox form', () => {
  it('a new mailbox needs every field and its secret, and is sent trimmed with INBOX as the default folder', () => {
    const draft = { ...emptyDraft(), ...PRESETS.gmail, username: ' support@acme.test ', folder: ' ' };
    expect(draftComplete(null, draft)).toBe(false);
    draft.secret = 'app password';
    expect(draftComplete(null, draft)).toBe(true);
    const body = createBody(draft);
    expect(MailboxCreate.parse(body)).toEqual({
      host: 'imap.gmail.com',
      port: 993,
      secure: true,
      username: 'support@acme.test',
      auth: 'password',
      secret: 'app password',
      folder: 'INBOX',
      enabled: true,
    });
    expect(MailboxTest.parse(testBody(null, draft))).not.toHaveProperty('enabled');
  });

  it('editing starts without the secret and sends only what changed; nothing changed is no request', () => {
    const draft = draftOf(saved);
    expect(draft.secret).toBe('');
    expect(patchBody(saved, draft)).toBeNull();
    expect(draftComplete(saved, draft)).toBe(true);
    const edited = { ...draft, folder: 'Support', enabled: false };
    expect(MailboxPatch.parse(patchBody(saved, edited))).toEqual({ folder: 'Support', enabled: false });
    expect(patchBody(saved, { ...draft, secret: 'new' })).toEqual({ secret: 'new' });
  });

  it('tests a saved mailbox by id with the edits, so the saved secret is used without being shown', () => {
    const edited = { ...draftOf(saved), folder: 'Support', enabled: false };
    expect(MailboxTest.parse(testBody(saved, edited))).toEqual({ mailboxId: 7, folder: 'Support' });
  });

  it('asks for the secret again when the edit sends it to another server, port or without TLS', () => {
    const moved = { ...draftOf(saved), ...PRESETS.microsoft };
    expect(secretRequired(saved, moved)).toBe(true);
    expect(draftComplete(saved, moved)).toBe(false);
    expect(secretRequired(saved, { ...draftOf(saved), secure: false })).toBe(true);
    expect(secretRequired(saved, { ...draftOf(saved), host: ' IMAP.gmail.com ' })).toBe(false);
  });

  it('Microsoft 365 is filled in with an OAuth token, Gmail with a password', () => {
    expect(PRESETS.microsoft).toEqual({ host: 'outlook.office365.com', port: 993, secure: true, auth: 'oauth2' });
    expect(PRESETS.gmail.auth).toBe('password');
  });

  it('shows the attachment limit in whole MB when it is one, else KB, and back', () => {
    expect(sizeParts(10 * 1024 * 1024)).toEqual({ amount: 10, unit: 'MB' });
    expect(sizeParts(1024)).toEqual({ amount: 1, unit: 'KB' });
    expect(sizeParts(1536 * 1024 + 512)).toEqual({ amount: 1536.5, unit: 'KB' });
    expect(bytesOf(50, 'MB')).toBe(50 * 1024 * 1024);
    expect(bytesOf(1.5, 'KB')).toBe(1536);
  });
});
