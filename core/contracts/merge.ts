import { MergePreview, MergePreviewRequest, MergeRequest, MergeResult } from '../schemas/merge';
import { resource } from './contract';

export const merge = resource('merge', 'merge', {
  preview: {
    method: 'post',
    path: '/merge/preview',
    summary:
      'Preview a merge of 2–5 tickets: default primary, each field per ticket with its default choice, the merged ticket and timeline, and any rule that refuses it; changes nothing',
    body: MergePreviewRequest,
    response: MergePreview,
  },
  run: {
    method: 'post',
    path: '/merge',
    summary:
      'Merge 2–5 tickets of one department into the chosen primary, in one transaction; cannot be undone. Send each ticket with the version previewed: a change made since is 409',
    body: MergeRequest,
    response: MergeResult,
  },
});
