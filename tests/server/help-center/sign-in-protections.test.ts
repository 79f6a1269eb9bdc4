import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { databaseKinds, peerEnv, type TestServer } from '../harness';
import { startWorld } from '../world';
import { Browser, latestLink } from './browser';
import { customer, ticket } from './fixtures';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe.each(databaseKinds)('help-center sign-in protections on %s', (kind) => {
  let server: TestServer;
  let db: Db;
  let support: number;

  beforeAll(async () => {
    const started = await startWorld(kind);
    server = started.server;
    db = server.database.db;
    support = started.world.departments.support.id;
  });
  afterAll(() => server.close());

  /** A customer with a ticket in Support, who may sign in there. */
  async function supportCustomer() {
    const person = await customer(db);
    await ticket(db, { departmentId: support, contactId: person.id });
    return person;
  }

  describe('asking for a link takes as long for an unknown address as for a customer', () => {
    let peers = 0;
    /** The time to the answer alone; each from its own address (the per-client limit stays out of it), on an idle server. */
    async function timedAsk(email: string): Promise<number> {
      const init = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email }).toString() };
      const started = performance.now();
      const res = await server.app.request(`/help/${support}/sign-in`, init, peerEnv(`192.0.2.${++peers % 250}`));
      await res.text();
      const ms = performance.now() - started;
      expect(res.status).toBe(200);
      await server.signIns.settled();
      return ms;
    }

    it('medians of 30 requests each are within 1.5× (or 1 ms) of each other, and the customer still gets the link', async () => {
      const known: number[] = [];
      const unknown: number[] = [];
      const customers = [];
      for (let i = 0; i < 30; i++) customers.push(await supportCustomer());
      for (let i = 0; i < 3; i++) await timedAsk(`warm-up${i}@nowhere.example`);
      // Interleaved, so a slow moment of the machine weighs on both.
      for (let i = 0; i < 30; i++) {
        known.push(await timedAsk(customers[i]!.email!));
        unknown.push(await timedAsk(`nobody${i}@nowhere.example`));
      }
      const [k, u] = [median(known), median(unknown)];
      // Both answer in about a millisecond here, where a ratio is mostly noise; before, a customer took 3× as long.
      const alike = Math.abs(k - u) < 1 || (k / u < 1.5 && u / k < 1.5);
      expect(alike, `medians: customer ${k.toFixed(2)} ms, unknown ${u.toFixed(2)} ms`).toBe(true);
      for (const person of customers) expect(await latestLink(server, person.email!), person.email!).not.toBeNull();
    });
  });

  describe('pressing the sign-in button is refused from another site (login CSRF)', () => {
    /** A fresh link of a fresh customer, as its mail carries it. */
    async function freshLink() {
      const person = await supportCustomer();
      await new Browser(server).post(`/help/${support}/sign-in`, { email: person.email! });
      return (await latestLink(server, person.email!))!;
    }

    it('a cross-site Origin, an opaque one, a cross-site Referer without Origin, or Sec-Fetch-Site cross-site: 403 with a page that says why; the link still works', async () => {
      const forged: Record<string, string>[] = [
        { Origin: 'https://attacker.example' },
        { Origin: 'null' },
        { Origin: 'http://help.test.attacker.example' },
        { Referer: 'https://attacker.example/page.html' },
        { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://help.test' },
        { 'Sec-Fetch-Site': 'same-site' },
      ];
      for (const headers of forged) {
        const link = await freshLink();
        const victim = new Browser(server);
        const res = await victim.post(link, {}, headers);
        const what = JSON.stringify(headers);
        expect(res.status, what).toBe(403);
        expect(res.text, what).toContain('Sign-in refused');
        expect(res.text, what).toContain('pressed on another website');
        expect(res.headers.get('Set-Cookie'), `${what}: no session`).toBeNull();
        expect((await victim.post(link, {}, { Origin: 'http://help.test' })).status, `${what}: the owner can still use it`).toBe(303);
      }
    });

    it('our own pages are accepted: PUBLIC_URL origin, the request host, a same-origin Referer, or no browser headers at all', async () => {
      const ours: Record<string, string>[] = [
        { Origin: 'http://help.test', 'Sec-Fetch-Site': 'same-origin' },
        { Origin: 'http://localhost' },
        { Referer: 'http://help.test/help/1/sign-in/abc' },
        {},
      ];
      for (const headers of ours) {
        const res = await new Browser(server).post(await freshLink(), {}, headers);
        expect(res.status, JSON.stringify(headers)).toBe(303);
        expect(res.headers.get('Set-Cookie'), JSON.stringify(headers)).toMatch(/^help_session=/);
      }
    });
  });
});
