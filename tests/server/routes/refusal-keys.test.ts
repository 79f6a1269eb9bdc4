import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRefusal } from '../../../core/refusals/refusal';
import { views } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** Issue 24 item 4: a refused request names its refusal by catalogue key and params, so the extension says it in Japanese. */
describe.each(databaseKinds)('refusals carry key and params on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let spamView: number;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    const [view] = await server.database.db
      .insert(views)
      .values({ name: 'Spam of returns', kind: 'spam', departmentId: world.departments.returns.id, filter: { spam: true } })
      .returning();
    spamView = view!.id;
  });
  afterAll(() => server.close());

  const body = () => ({ operation: 'close', viewId: spamView, departmentId: world.departments.returns.id, payload: {} });

  it('R-BULK-4 on submit: the error lists the violation with its key, params and the English message', async () => {
    const res = await server.request('POST', '/api/v1/jobs', { token: world.tokens.admin, body: body() });
    expect(res.status).toBe(422);
    expect(res.body.error.rule).toBe('R-BULK-4');
    const [violation] = res.body.error.details.violations;
    expect(violation).toEqual({
      rule: 'R-BULK-4',
      key: 'view.noActions',
      params: { view: 'Spam of returns', kind: { key: 'view.kind.spam', params: {} } },
      message: 'No bulk or mass action runs in the view "Spam of returns" because it is the spam view. Open a normal view of the department to act on these tickets.',
    });
    expect(renderRefusal('ja', violation.key, violation.params)).toBe(
      'ビュー「Spam of returns」はスパムの問い合わせのビューのため、一括処理も大量一括処理も実行できません。これらの問い合わせを処理するには、部門の通常のビューを開いてください。',
    );
  });

  it('R-BULK-4 in the pre-check: the preview keeps key and params through the response schema', async () => {
    const res = await server.request('POST', '/api/v1/jobs/preview', { token: world.tokens.admin, body: body() });
    expect(res.status).toBe(200);
    expect(res.body.violations).toMatchObject([{ rule: 'R-BULK-4', key: 'view.noActions', params: { view: 'Spam of returns' } }]);
  });
});
