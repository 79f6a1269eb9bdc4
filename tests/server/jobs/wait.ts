import type { TestServer } from '../harness';

/** Polls a job until it is finished (completed, failed or cancelled), or fails the test after the timeout. */
export async function waitForJob(server: TestServer, token: string, jobId: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await server.request('GET', `/api/v1/jobs/${jobId}`, { token });
    if (['completed', 'failed', 'cancelled'].includes(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitForStatus(server: TestServer, token: string, jobId: number, status: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await server.request('GET', `/api/v1/jobs/${jobId}`, { token });
    if (res.body.status === status) return res.body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} never became ${status} (is ${res.body.status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
