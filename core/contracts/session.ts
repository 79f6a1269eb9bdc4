import { Health, Me } from '../schemas/api';
import { resource } from './contract';

export const session = resource('session', 'session', {
  health: { method: 'get', path: '/health', summary: 'Liveness and which database serves the API', public: true, response: Health },
  me: { method: 'get', path: '/me', summary: 'The agent behind the token: roles and permissions per department', response: Me },
});
