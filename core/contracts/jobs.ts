import { IdParams, pageOf } from '../schemas/api';
import { Job, JobCreate, JobListQuery, JobPreview, ReplyPreviewRequest } from '../schemas/job';
import { ResendMail } from '../schemas/mail-delivery';
import { resource } from './contract';

export const jobs = resource('jobs', 'jobs', {
  submit: { method: 'post', path: '/jobs', summary: 'Run an operation on a selection (bulk, ≤ 50) or a whole view (mass, ≤ 200,000)', body: JobCreate, response: Job, status: 202 },
  preview: {
    method: 'post',
    path: '/jobs/preview',
    summary: 'Pre-check a job: request-level refusals and, for a selection, each ticket that would be refused and why; changes nothing',
    body: JobCreate,
    response: JobPreview,
  },
  previewReply: {
    method: 'post',
    path: '/replies/preview',
    summary: 'Pre-check a bulk reply (R-REPLY-7): each ticket eligible or the rule and reason, and the message rendered for one ticket; sends nothing',
    body: ReplyPreviewRequest,
    response: JobPreview,
  },
  list: {
    method: 'get',
    path: '/jobs',
    summary: 'Job history: queued, running, completed; filter by operation, mode (bulk or mass) and department',
    query: JobListQuery,
    response: pageOf(Job),
  },
  get: { method: 'get', path: '/jobs/:id', summary: 'One job with its progress and per-ticket failures', params: IdParams, response: Job },
  cancel: { method: 'delete', path: '/jobs/:id', summary: 'Cancel a queued job (a running one cannot be cancelled, R-BULK-8)', params: IdParams, response: Job },
  resend: {
    method: 'post',
    path: '/jobs/:id/resend',
    summary: "Resend a finished bulk reply's failed recipients, and its uncertain ones only with confirmUncertain (never one the SMTP server accepted)",
    params: IdParams,
    body: ResendMail,
    response: Job,
    status: 202,
  },
});
