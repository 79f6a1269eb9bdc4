import { Directory } from '../../core/schemas/directory';
import { loadDirectory } from '../departments/directory';
import type { Api } from '../http/route';

export function directoryRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/directory', tag: 'directory', summary: 'Departments you can view, with their agents and teams (for pickers and badges)', response: Directory },
    ({ db, auth }) => loadDirectory(db, auth),
  );
}
