import { views } from '../../../core/contracts/views';
import type { Handlers } from '../router';
import { call } from '../services';

/** An agent's own views and the department's shared ones: written straight to the backend, which judges who may. */
export const viewHandlers: Handlers<'views.create' | 'views.update' | 'views.remove'> = {
  'views.create': (body) => call(views.create, { body }),
  'views.update': ({ viewId, patch }) => call(views.update, { params: { id: viewId }, body: patch }),
  'views.remove': ({ viewId }) => call(views.remove, { params: { id: viewId } }),
};
