import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { listJobs, visibleJob } from '../jobs/job-access';
import { cancelJob } from '../jobs/job-cancel';
import { previewJob, previewReply } from '../jobs/job-preview';
import { toJob } from '../jobs/job-rows';
import { submitJob } from '../jobs/job-submit';
import { requireQueue, type JobQueue } from '../jobs/queue';
import { resendReplies } from '../jobs/reply-resend';

export function jobRoutes(api: Api, queue: JobQueue | undefined) {
  api.add(contracts.jobs.submit, ({ db, auth, body }) => submitJob(db, requireQueue(queue), auth, body));
  api.add(contracts.jobs.preview, ({ db, auth, body }) => previewJob(db, auth, body));
  api.add(contracts.jobs.previewReply, ({ db, auth, body }) => previewReply(db, auth, body));
  api.add(contracts.jobs.list, ({ db, auth, query }) => listJobs(db, auth, query));
  api.add(contracts.jobs.get, async ({ db, auth, params }) => toJob(db, await visibleJob(db, auth, params.id)));
  api.add(contracts.jobs.cancel, ({ db, auth, params }) => cancelJob(db, auth, params.id));
  api.add(contracts.jobs.resend, async ({ db, auth, params, body }) => resendReplies(db, requireQueue(queue), auth, await visibleJob(db, auth, params.id), body));
}
