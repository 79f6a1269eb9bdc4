import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { helpCenterRoutes } from './help-center/routes';
import type { AppDeps, AppEnv } from './http/app-env';
import { requireAgent } from './http/auth';
import { browserOrigins } from './http/browser-origins';
import { requireAgentOrInboundSecret } from './http/inbound-secret';
import { TrustedProxies } from './http/client-address';
import { identifyClient } from './http/rate-limit';
import { describeError, knownFailure } from './http/error-report';
import { openApiDocument } from './http/openapi';
import { Api } from './http/route';
import { SecretKeyMismatch } from './secrets/secret-box';
import { agentRoutes } from './routes/agents';
import { apiTokenRoutes } from './routes/api-tokens';
import { auditRoutes } from './routes/audit';
import { attachmentRoutes } from './routes/attachments';
import { blueprintRoutes } from './routes/blueprints';
import { commentRoutes } from './routes/comments';
import { contactRoutes } from './routes/contacts';
import { demoRoutes } from './routes/demo';
import { jobRoutes } from './routes/jobs';
import { ticketReplyRoutes } from './routes/ticket-replies';
import { departmentMailRoutes } from './routes/department-mail';
import { departmentRoutes } from './routes/departments';
import { directoryRoutes } from './routes/directory';
import { inboundRoutes } from './routes/inbound';
import { macroRoutes } from './routes/macros';
import { mailboxRoutes } from './routes/mailboxes';
import { mergeRoutes } from './routes/merge';
import { presenceRoutes } from './routes/presence';
import { openPixelRoute, receiptRoutes } from './routes/receipts';
import { departmentFeatureRoutes } from './routes/department-features';
import { satisfactionRoutes } from './routes/satisfaction';
import { secondaryContactRoutes } from './routes/secondary-contacts';
import { roleRoutes } from './routes/roles';
import { sessionRoutes } from './routes/session';
import { storedMailRoutes } from './routes/stored-mail';
import { teamRoutes } from './routes/teams';
import { templateRoutes } from './routes/templates';
import { ticketLookupRoutes } from './routes/ticket-lookup';
import { ticketRoutes } from './routes/tickets';
import { trashRoutes } from './routes/trash';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

function errorResponse(error: Error, requestId: string) {
  const failure = knownFailure(error);
  if (failure) return { status: failure.status, body: failure.toBody() };
  // A stored secret of another key: the message names the setting and what to do; nothing to log.
  if (error instanceof SecretKeyMismatch) return { status: 409 as const, body: { error: { code: 'CONFLICT', message: error.message } } };
  if (error instanceof HTTPException) {
    const tooLarge = error.status === 413;
    return {
      status: error.status,
      body: { error: { code: 'VALIDATION', message: tooLarge ? `The request body is larger than ${MAX_BODY_BYTES} bytes.` : error.message } },
    };
  }
  console.error(`[${requestId}] ${describeError(error)}`);
  return {
    status: 500 as const,
    body: { error: { code: 'INTERNAL', message: `The server failed to handle this request; it was logged as ${requestId}. Retry, and report the id if it keeps failing.` } },
  };
}

/** Builds the whole HTTP app; tests call app.request() on it without opening a port. */
export function createApp(deps: AppDeps) {
  const { db, kind } = deps.database;
  const app = new Hono<AppEnv>();
  app.onError((error, c) => {
    const { status, body } = errorResponse(error, randomUUID());
    return c.json(body, status);
  });
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `No route ${c.req.method} ${c.req.path}.` } }, 404));
  app.use('*', identifyClient(deps.trustedProxies ?? new TrustedProxies([])));
  if (deps.logRequests) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      // The agent id, never the token.
      const agent = c.get('auth')?.agent.id ?? '-';
      console.info(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms agent=${agent}`);
    });
  }
  // Notices recorded by a change leave once it has committed, which it has when the handler returns.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.res.status < 400) void deps.mail.notices.kick();
  });
  app.use('/api/*', browserOrigins(deps.corsOrigins));
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES }));

  const v1 = new Hono<AppEnv>();
  const api = new Api(v1, db, requireAgent(db), requireAgentOrInboundSecret(db, deps.inboundSecret ?? null));
  sessionRoutes(api, { dbKind: kind, version: deps.version });
  ticketLookupRoutes(api);
  ticketRoutes(api);
  jobRoutes(api, deps.jobs);
  ticketReplyRoutes(api, deps.jobs, deps.mail.publicUrl);
  presenceRoutes(api);
  inboundRoutes(api, v1);
  contactRoutes(api);
  departmentRoutes(api);
  departmentMailRoutes(api);
  directoryRoutes(api);
  trashRoutes(api);
  mergeRoutes(api);
  receiptRoutes(api);
  departmentFeatureRoutes(api);
  secondaryContactRoutes(api);
  commentRoutes(api);
  satisfactionRoutes(api);
  blueprintRoutes(api);
  macroRoutes(api);
  templateRoutes(api);
  storedMailRoutes(api, deps.jobs);
  mailboxRoutes(api);
  roleRoutes(api);
  agentRoutes(api);
  teamRoutes(api);
  apiTokenRoutes(api);
  auditRoutes(api);
  attachmentRoutes(v1, db);
  const document = openApiDocument(api.routes, deps.version);
  v1.get('/openapi.json', (c) => c.json(document));
  app.route('/api/v1', v1);
  openPixelRoute(app, db);
  helpCenterRoutes(app, db, deps.mail);
  if (deps.demo) demoRoutes(app, db);
  return app;
}
