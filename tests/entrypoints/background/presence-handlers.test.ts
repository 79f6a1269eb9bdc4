import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../../../entrypoints/background/api-client';

const call = vi.fn();
vi.mock('../../../entrypoints/background/services', () => ({ call: (...args: unknown[]) => call(...args) }));
const { presenceHandlers } = await import('../../../entrypoints/background/handlers/presence');

const AIKO = { agentId: 4, name: 'Aiko', state: 'replying', since: '2026-12-04T10:00:00Z' };

/** Collision detection degrades to nothing on a backend without the presence route, and says so in the log. */
describe('presence handlers', () => {
  afterEach(() => call.mockReset());

  it('a heartbeat is PUT /tickets/:id/presence and answers the other agents', async () => {
    call.mockResolvedValue({ items: [AIKO] });
    expect(await presenceHandlers['presence.beat']({ ticketId: 7, state: 'viewing' })).toEqual({ available: true, items: [AIKO] });
    expect(call.mock.calls[0]![0]).toMatchObject({ name: 'presence.beat', method: 'put', path: '/tickets/:id/presence' });
    expect(call.mock.calls[0]![1]).toEqual({ params: { id: 7 }, body: { state: 'viewing' } });
  });

  it('an older backend (404 "No route …") answers not available, logged once, instead of failing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    call.mockRejectedValue(new ApiCallError({ code: 'NOT_FOUND', message: 'No route PUT /api/v1/tickets/7/presence.' }, 404, false));
    expect(await presenceHandlers['presence.beat']({ ticketId: 7, state: 'viewing' })).toEqual({ available: false, items: [] });
    expect(await presenceHandlers['presence.leave']({ ticketId: 7 })).toEqual({ available: false, items: [] });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('any other refusal (the ticket is gone, no access) is passed on', async () => {
    call.mockRejectedValue(new ApiCallError({ code: 'NOT_FOUND', message: 'Ticket 7 was not found.' }, 404, false));
    await expect(presenceHandlers['presence.beat']({ ticketId: 7, state: 'replying' })).rejects.toThrow('Ticket 7 was not found.');
  });
});
