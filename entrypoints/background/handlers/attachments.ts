import { bytesToBase64 } from '../../../core/attachments/base64';
import { MAX_DOWNLOAD_BYTES } from '../../../core/attachments/download-limit';
import { attachmentDownload } from '../../../core/contracts/attachments';
import { fillPath } from '../../../core/contracts/contract';
import { ApiCallError } from '../api-client';
import type { Handlers } from '../router';
import { backend } from '../services';

/** A big file on a slow link takes longer than the usual 10 seconds. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

const tooLarge = (bytes: number) =>
  new ApiCallError(
    {
      code: 'VALIDATION',
      message: `This attachment is ${Math.ceil(bytes / 1024 / 1024)} MB; the extension downloads at most ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB. Fetch it from the API instead.`,
    },
    null,
    false,
  );

/**
 * The bytes of an attachment, fetched here so the token never reaches the content script, which
 * only gets base64 to save as a file.
 */
export const attachmentHandlers: Handlers<'attachments.download'> = {
  'attachments.download': ({ id }) =>
    backend(async (api) => {
      // Bytes, not JSON: the contract gives the path, the answer is read here.
      const response = await api(fillPath(attachmentDownload.path, { id }), { method: attachmentDownload.method, timeout: DOWNLOAD_TIMEOUT_MS });
      const declared = Number(response.headers.get('Content-Length') ?? 0);
      // Refuse before reading the body when the size is announced; check the bytes anyway.
      if (declared > MAX_DOWNLOAD_BYTES) throw tooLarge(declared);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > MAX_DOWNLOAD_BYTES) throw tooLarge(bytes.length);
      return { base64: bytesToBase64(bytes) };
    }),
};
