import { Directory } from '../schemas/directory';
import { resource } from './contract';

export const directory = resource('directory', 'directory', {
  get: { method: 'get', path: '/directory', summary: 'Departments you can view, with their agents and teams (for pickers and badges)', response: Directory },
});
