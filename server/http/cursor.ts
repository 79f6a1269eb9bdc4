import { z } from 'zod';
import { ApiFailure } from './api-failure';

/** Opaque page cursors: the sort key of the last item, so pages stay stable while rows change. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, shape: T): z.output<T> | undefined {
  if (cursor === undefined) return undefined;
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ApiFailure(400, 'VALIDATION', 'The cursor is invalid; start again without one.', undefined, {
      issues: [{ path: 'query.cursor', message: 'invalid cursor' }],
    });
  }
}
