import { jobs } from '../../../core/contracts/jobs';
import { mail } from '../../../core/contracts/mail';
import { templates } from '../../../core/contracts/templates';
import { views } from '../../../core/contracts/views';
import { Job } from '../../../core/schemas/job';
import { writeTo } from '../outbox-entry';
import type { Handlers } from '../router';
import { call } from '../services';
import { queue } from './tickets';

const OPERATION_WORDS: Record<string, string> = {
  assign: 'Assign',
  reply: 'Reply to',
  update_field: 'Update a field on',
  comment: 'Comment on',
  close: 'Close',
  delete: 'Delete',
  move: 'Move',
  spam: 'Mark as spam',
  macro: 'Run a macro on',
  remove_blueprint: 'Remove the blueprint from',
  update_resolution: 'Update the resolution of',
};

export const jobHandlers: Handlers<
  'jobs.preview' | 'jobs.submit' | 'jobs.get' | 'jobs.list' | 'jobs.cancel' | 'jobs.resend' | 'mail.stored' | 'views.list' | 'views.count' | 'templates.list' | 'replies.preview'
> = {
  'jobs.preview': (request) => call(jobs.preview, { body: request }),
  // Through the outbox: a job submitted while the backend is away is sent once it is back, never twice.
  'jobs.submit': async (request) => {
    const count = request.ticketIds?.length;
    const label = `${OPERATION_WORDS[request.operation] ?? request.operation} ${count ? `${count} tickets` : 'every ticket of a view'}`;
    const { outboxId, answer } = await queue({ kind: 'submit_job', label, ...writeTo(jobs.submit, { body: request }) });
    return { outboxId, job: answer ? Job.parse(answer) : null };
  },
  'jobs.get': ({ id }) => call(jobs.get, { params: { id } }),
  'jobs.list': (query) => call(jobs.list, { query }),
  'jobs.cancel': ({ id }) => call(jobs.cancel, { params: { id } }),
  'jobs.resend': ({ id, confirmUncertain }) => call(jobs.resend, { params: { id }, body: { confirmUncertain: confirmUncertain ?? false } }),
  'mail.stored': () => call(mail.stored, {}),
  // Views are what mass jobs run over ("select all tickets in this view").
  'views.list': ({ departmentId }) => call(views.list, { query: departmentId ? { departmentId } : {} }),
  'views.count': ({ viewId }) => call(views.count, { params: { id: viewId } }),
  'templates.list': ({ departmentId }) => call(templates.list, { query: { departmentId } }),
  'replies.preview': (request) => call(jobs.previewReply, { body: request }),
};
