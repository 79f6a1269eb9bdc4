import { blueprints } from '../../../core/contracts/blueprints';
import type { Handlers } from '../router';
import { call } from '../services';

/** R-BULK-15: the department's blueprints for the panel's Blueprint section; a read, answered at once. */
export const blueprintHandlers: Handlers<'blueprints.list'> = {
  'blueprints.list': ({ departmentId }) => call(blueprints.list, { query: { departmentId } }),
};
