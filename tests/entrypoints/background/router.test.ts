import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../entrypoints/background/api-client';
import { route, type Handlers } from '../../../entrypoints/background/router';
import type { MessageType } from '../../../core/schemas/messages';

const calls: string[] = [];
const handlers = new Proxy({} as Handlers<MessageType>, {
  get: (_target, type: string) => async (payload: unknown) => {
    calls.push(type);
    if (type === 'sync.now') throw new ApiCallError({ code: 'FORBIDDEN', message: 'no', rule: 'R-PERM-5' }, 403, false);
    if (type === 'outbox.list') throw new Error('disk full');
    if (type === 'tickets.byThreads') return { tickets: {} };
    return payload;
  },
});

describe('background message router', () => {
  it('answers an unknown or malformed message with a structured error, never silence', async () => {
    expect(await route(handlers, { type: 'tickets.delete', payload: {} }, { trusted: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await route(handlers, 'hello', { trusted: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('validates the payload against the protocol and names the field', async () => {
    const reply = await route(handlers, { type: 'tickets.byThreads', payload: { provider: 'yahoo', mailbox: 'a@b.c', threadIds: [] } }, { trusted: false });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('provider');
    expect(calls).not.toContain('tickets.byThreads');
  });

  it('runs a valid message and wraps the answer', async () => {
    const reply = await route(handlers, { type: 'tickets.byThreads', payload: { provider: 'gmail', mailbox: 'a@b.c', threadIds: ['x'] } }, { trusted: false });
    expect(reply).toEqual({ ok: true, data: { tickets: {} } });
  });

  it('keeps messages that carry the token away from content scripts', async () => {
    const connection = { backendUrl: 'http://127.0.0.1:8787', token: 'idk_0123456789abcdef' };
    const refused = await route(handlers, { type: 'connection.save', payload: connection }, { trusted: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).not.toContain('connection.save');
    expect(await route(handlers, { type: 'connection.save', payload: connection }, { trusted: true })).toMatchObject({ ok: true });
  });

  it('keeps mailbox settings, which carry secrets and decide where they go, on the options page', async () => {
    const test = { departmentId: 1, connection: { mailboxId: 7, host: 'imap.attacker.test', secret: 'x' } };
    expect(await route(handlers, { type: 'mailboxes.test', payload: test }, { trusted: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await route(handlers, { type: 'mailboxes.list', payload: { departmentId: 1 } }, { trusted: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls.filter((c) => c.startsWith('mailboxes.'))).toEqual([]);
    expect(await route(handlers, { type: 'mailboxes.test', payload: test }, { trusted: true })).toMatchObject({ ok: true });
  });

  it("passes the backend's code and rule through, and turns crashes into INTERNAL errors", async () => {
    expect(await route(handlers, { type: 'sync.now', payload: {} }, { trusted: true })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'no', rule: 'R-PERM-5' },
    });
    expect(await route(handlers, { type: 'outbox.list', payload: {} }, { trusted: true })).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'disk full' } });
  });

  it('R-MERGE-8 merge.run must carry the version of every previewed ticket, so a change made meanwhile is a conflict', async () => {
    const reply = await route(handlers, { type: 'merge.run', payload: { tickets: [{ id: 1 }, { id: 2, version: 3 }], primaryId: 1 } }, { trusted: false });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!reply.ok) expect(reply.error.message).toContain('tickets.0.version');
    expect(calls).not.toContain('merge.run');
    const valid = {
      tickets: [
        { id: 1, version: 2 },
        { id: 2, version: 3 },
      ],
      primaryId: 1,
    };
    expect(await route(handlers, { type: 'merge.run', payload: valid }, { trusted: false })).toEqual({ ok: true, data: { ...valid, fieldChoices: {} } });
  });
});
