/** What an item shows when its executor failed unexpectedly (R-BULK-10); the detail goes to the server log. */
export const SERVER_ERROR = 'Server error: this ticket could not be processed; the server log has the details. Try it again on its own.';

/** How often one item is tried again after a transient database error before it fails. */
export const TRANSIENT_RETRIES = 3;

/** Serialization failure, deadlock, lock not available: trying the same statements again can succeed. */
const TRANSIENT_CODES = new Set(['40001', '40P01', '55P03']);

function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function isTransient(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && TRANSIENT_CODES.has(code);
}

export function logItemError(jobId: number, ticketId: number, error: unknown): void {
  console.error(`Job ${jobId}, ticket id ${ticketId}: unexpected error, the item failed with "server error":`, error);
}
