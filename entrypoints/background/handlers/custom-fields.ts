import { customFieldDefinitions } from '../../../core/contracts/custom-fields';
import type { Handlers } from '../router';
import { call } from '../services';

/** Definitions are read fresh: an admin may have added or renamed a field since the last look. */
export const customFieldHandlers: Handlers<'customFields.list'> = {
  'customFields.list': ({ departmentId }) => call(customFieldDefinitions.list, { params: { id: departmentId } }),
};
