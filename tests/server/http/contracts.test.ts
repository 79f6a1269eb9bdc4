import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allContracts } from '../../../core/contracts';
import { adminContracts } from '../../../core/contracts/admin';
import { attachmentDownload } from '../../../core/contracts/attachments';
import { fillPath, type Contract } from '../../../core/contracts/contract';
import { requestOf } from '../../../entrypoints/background/api-client';
import { createTestServer, type TestServer } from '../harness';

type OpenApi = { paths: Record<string, Record<string, { operationId?: string }>> };

const route = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
/** Each `:name` of a path gets the id 1: enough to reach the route, whatever it then answers. */
const sampleParams = (contract: Pick<Contract, 'params'>) =>
  contract.params instanceof z.ZodObject ? Object.fromEntries(Object.keys(contract.params.shape).map((name) => [name, 1])) : undefined;

describe('one contract per route (core/contracts), used by both ends', () => {
  let server: TestServer;
  let served: Map<string, string | undefined>;
  beforeAll(async () => {
    server = await createTestServer('pglite');
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body as OpenApi;
    served = new Map(
      Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => [route(method, path.replace(/\{(\w+)\}/g, ':$1')), operation.operationId] as const),
      ),
    );
  });
  afterAll(() => server.close());

  it('the server registers every contract of the index, and serves no JSON route outside it', () => {
    const declared = new Map(allContracts.map((c) => [route(c.method, `/api/v1${c.path}`), c.name]));
    expect(declared.size).toBe(allContracts.length);
    expect(new Map([...served].sort())).toEqual(new Map([...declared].sort()));
  });

  it('contract names are unique, and every admin contract is one of the index', () => {
    expect(new Set(allContracts.map((c) => c.name)).size).toBe(allContracts.length);
    expect(Object.values(adminContracts).filter((c) => !allContracts.includes(c))).toEqual([]);
  });

  it('every request the client builds from a contract reaches its route (401 without a token, not "No route")', async () => {
    const answers = await Promise.all(
      allContracts.map(async (contract) => {
        const { method, path } = requestOf(contract, { params: sampleParams(contract) });
        const res = await server.request(method.toUpperCase(), `/api/v1${path}`, { token: null });
        return `${contract.name} ${res.status}`;
      }),
    );
    expect(answers).toEqual(allContracts.map((c) => `${c.name} ${c.public ? 200 : 401}`));
  });

  it('the attachment download, the one answer that is not JSON, is served at its contract path', async () => {
    const res = await server.request('GET', `/api/v1${fillPath(attachmentDownload.path, sampleParams(attachmentDownload))}`, { token: null });
    expect(res.status).toBe(401);
  });
});

const ENTRYPOINTS = fileURLToPath(new URL('../../../entrypoints/', import.meta.url));
/** A request written by hand: a ky verb call, or a string starting with an API path ("tickets/…", `/jobs/${id}`). */
const HANDWRITTEN =
  /\bapi\.(get|post|put|patch|delete)\(|['"`]\/?(tickets|jobs|replies|views|departments|mailboxes|templates|macros|blueprints|merge|contacts|attachments|mail|roles|agents|teams|tokens)\//;
const code = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('the extension writes no backend URL by hand', () => {
  const files = readdirSync(ENTRYPOINTS, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|vue)$/.test(f));

  it.each(files)('entrypoints/%s builds its requests from contracts', (file) => {
    const lines = code(readFileSync(join(ENTRYPOINTS, file), 'utf8')).split('\n');
    expect(lines.filter((line) => HANDWRITTEN.test(line))).toEqual([]);
  });

  it('the check itself catches a handwritten request', () => {
    const caught = ["api.get('me')", 'api.post(path)', '`tickets/${id}`', "'/jobs/1'", "'departments/2/mail'"].filter((line) => HANDWRITTEN.test(line));
    expect(caught).toHaveLength(5);
    expect(["db.transaction(['tickets', 'meta'])", "tab === 'jobs'"].filter((line) => HANDWRITTEN.test(line))).toEqual([]);
  });
});
