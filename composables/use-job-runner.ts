import { i18n } from '#i18n';
import { useIntervalFn } from '@vueuse/core';
import { computed, ref, shallowRef } from 'vue';
import type { Job, JobCreate } from '../core/schemas/job';
import { send } from '../messaging/send';
import { failureText } from '../components/shared/refusal-text';

const FINISHED = ['completed', 'failed', 'cancelled'];

/**
 * Runs steps that talk to the background (busy flag, error text) and follows a submitted job until
 * it finishes, then asks for a sync so badges and the ticket index catch up.
 */
export function useJobRunner() {
  const busy = ref(false);
  const error = ref<string | null>(null);
  const job = shallowRef<Job | null>(null);
  const queuedOffline = ref(false);
  const finished = computed(() => job.value !== null && FINISHED.includes(job.value.status));

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await work();
    } catch (e) {
      error.value = failureText(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  /** Through the outbox: a job submitted while the backend is away is sent once it is back, never twice. */
  async function submit(request: JobCreate) {
    const result = await send('jobs.submit', request);
    job.value = result.job;
    queuedOffline.value = result.job === null;
  }

  function reset() {
    job.value = null;
    queuedOffline.value = false;
    error.value = null;
  }

  /** The progress could not be read: said once, and taken back when the backend answers again. */
  const lost = ref<string | null>(null);
  useIntervalFn(async () => {
    if (!job.value || finished.value) return;
    try {
      job.value = await send('jobs.get', { id: job.value.id });
      if (lost.value !== null && error.value === lost.value) error.value = null;
      lost.value = null;
    } catch (e) {
      lost.value = i18n.t('unavailable.jobLost', [failureText(e)]);
      error.value = lost.value;
    }
    if (finished.value) await send('sync.now', {}).catch(() => undefined);
  }, 1000);

  return { busy, error, job, queuedOffline, finished, run, submit, reset };
}
