import { Job, JobPreview } from '../../../core/schemas/job';
import { StoredMail } from '../../../core/schemas/mail';
import { Template } from '../../../core/schemas/template';
import { View, ViewCount } from '../../../core/schemas/view';
import type { Handlers } from '../router';
import { backend } from '../services';
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
  'jobs.preview': (request) => backend(async (api) => JobPreview.parse(await api.post('jobs/preview', { json: request }).json())),
  // Through the outbox: a job submitted while the backend is away is sent once it is back, never twice.
  'jobs.submit': async (request) => {
    const count = request.ticketIds?.length;
    const label = `${OPERATION_WORDS[request.operation] ?? request.operation} ${count ? `${count} tickets` : 'every ticket of a view'}`;
    const { outboxId, answer } = await queue({ kind: 'submit_job', label, method: 'POST', path: 'jobs', body: request });
    return { outboxId, job: answer ? Job.parse(answer) : null };
  },
  'jobs.get': ({ id }) => backend(async (api) => Job.parse(await api.get(`jobs/${id}`).json())),
  'jobs.list': (query) =>
    backend(async (api) => {
      const searchParams = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
      const page = (await api.get('jobs', { searchParams }).json()) as { items: unknown[]; nextCursor: string | null };
      return { items: page.items.map((j) => Job.parse(j)), nextCursor: page.nextCursor };
    }),
  'jobs.cancel': ({ id }) => backend(async (api) => Job.parse(await api.delete(`jobs/${id}`).json())),
  'jobs.resend': ({ id }) => backend(async (api) => Job.parse(await api.post(`jobs/${id}/resend`).json())),
  'mail.stored': () =>
    backend(async (api) => ({ items: ((await api.get('mail/stored').json()) as { items: unknown[] }).items.map((m) => StoredMail.parse(m)) })),
  // Views are what mass jobs run over ("select all tickets in this view").
  'views.list': ({ departmentId }) =>
    backend(async (api) => {
      const page = (await api.get('views', { searchParams: departmentId ? { departmentId } : {} }).json()) as { items: unknown[] };
      return { items: page.items.map((v) => View.parse(v)) };
    }),
  'views.count': ({ viewId }) => backend(async (api) => ViewCount.parse(await api.get(`views/${viewId}/count`).json())),
  'templates.list': ({ departmentId }) =>
    backend(async (api) => {
      const page = (await api.get('templates', { searchParams: { departmentId } }).json()) as { items: unknown[] };
      return { items: page.items.map((t) => Template.parse(t)) };
    }),
  'replies.preview': (request) => backend(async (api) => JobPreview.parse(await api.post('replies/preview', { json: request }).json())),
};
