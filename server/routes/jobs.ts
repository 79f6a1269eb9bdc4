import { IdParams, pageOf } from '../../core/schemas/api';
import { Job, JobCreate, JobListQuery, JobPreview, ReplyPreviewRequest } from '../../core/schemas/job';
import { ApiFailure } from '../http/api-failure';
import type { Api } from '../http/route';
import { listJobs, visibleJob } from '../jobs/job-access';
import { cancelJob } from '../jobs/job-cancel';
import { previewJob } from '../jobs/job-preview';
import { toJob } from '../jobs/job-rows';
import { submitJob } from '../jobs/job-submit';
import type { JobQueue } from '../jobs/queue';
import { resendReplies } from '../jobs/reply-resend';

const tag = 'jobs';

export function jobRoutes(api: Api, queue: JobQueue | undefined) {
  const workerQueue = (): JobQueue => {
    if (!queue) throw new ApiFailure(503, 'INTERNAL', 'This server runs without a job worker.');
    return queue;
  };
  api.add(
    { method: 'post', path: '/jobs', tag, summary: 'Run an operation on a selection (bulk, ≤ 50) or a whole view (mass, ≤ 200,000)', body: JobCreate, response: Job, status: 202 },
    ({ db, auth, body }) => submitJob(db, workerQueue(), auth, body),
  );
  api.add(
    { method: 'post', path: '/jobs/preview', tag, summary: 'Pre-check a job: request-level refusals and, for a selection, each ticket that would be refused and why; changes nothing', body: JobCreate, response: JobPreview },
    ({ db, auth, body }) => previewJob(db, auth, body),
  );
  api.add(
    {
      method: 'post',
      path: '/replies/preview',
      tag,
      summary: 'Pre-check a bulk reply (R-REPLY-7): each ticket eligible or the rule and reason, and the message rendered for one ticket; sends nothing',
      body: ReplyPreviewRequest,
      response: JobPreview,
    },
    ({ db, auth, body }) => previewJob(db, auth, { operation: 'reply', departmentId: body.departmentId, ticketIds: body.ticketIds, payload: body.payload }, body.sampleTicketId),
  );
  api.add(
    { method: 'get', path: '/jobs', tag, summary: 'Job history: queued, running, completed; filter by operation, mode (bulk or mass) and department', query: JobListQuery, response: pageOf(Job) },
    ({ db, auth, query }) => listJobs(db, auth, query),
  );
  api.add(
    { method: 'get', path: '/jobs/:id', tag, summary: 'One job with its progress and per-ticket failures', params: IdParams, response: Job },
    async ({ db, auth, params }) => toJob(db, await visibleJob(db, auth, params.id)),
  );
  api.add(
    { method: 'delete', path: '/jobs/:id', tag, summary: 'Cancel a queued job (a running one cannot be cancelled, R-BULK-8)', params: IdParams, response: Job },
    ({ db, auth, params }) => cancelJob(db, auth, params.id),
  );
  api.add(
    {
      method: 'post',
      path: '/jobs/:id/resend',
      tag,
      summary: "Resend a finished bulk reply's failed and uncertain recipients (never one the SMTP server accepted)",
      params: IdParams,
      response: Job,
      status: 202,
    },
    async ({ db, auth, params }) => resendReplies(db, workerQueue(), auth, await visibleJob(db, auth, params.id)),
  );
}
