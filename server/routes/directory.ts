import * as contracts from '../../core/contracts';
import { loadDirectory } from '../departments/directory';
import type { Api } from '../http/route';

export function directoryRoutes(api: Api) {
  api.add(contracts.directory.get, ({ db, auth }) => loadDirectory(db, auth));
}
