import { SECRET_NEEDED_MESSAGE, secretNeeded, type SecretRoute } from '../../core/rules/mailbox-secret';
import { ApiFailure } from '../http/api-failure';

/** Refuses an edit that would send the saved secret somewhere new, as a validation error on body.secret. */
export function guardSecret(saved: SecretRoute, edits: Partial<SecretRoute> & { secret?: string }): void {
  if (!secretNeeded(saved, edits)) return;
  const issues = [{ path: 'body.secret', message: SECRET_NEEDED_MESSAGE }];
  throw new ApiFailure(400, 'VALIDATION', `The request is invalid — body.secret: ${SECRET_NEEDED_MESSAGE}`, undefined, { issues });
}
