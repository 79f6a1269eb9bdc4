import { IdParams } from '../schemas/api';

/**
 * GET /api/v1/attachments/:id, the bytes of a kept attachment. Not a JSON contract (the answer is
 * a download, so it is not in the OpenAPI document), but both ends take its path and params from here.
 */
export const attachmentDownload = {
  name: 'attachments.download',
  method: 'get',
  path: '/attachments/:id',
  params: IdParams,
} as const;
