import { DashboardView } from '../../core/schemas/dashboard';
import type { RequestOf } from '../../core/schemas/messages';
import { post } from '../../messaging/post';
import { errorText } from '../../components/shared/refusal-text';

/**
 * dashboard.get with the checks of messaging/send: a refusal throws, the answer is parsed with the
 * protocol's response schema. messaging/send itself brings every schema of the protocol, which the
 * popup would evaluate before its first paint; messaging/post brings none.
 */
export async function askDashboard(refresh: boolean): Promise<DashboardView> {
  const payload: RequestOf<'dashboard.get'> = { refresh };
  const answer = await post('dashboard.get', payload);
  if (!answer) throw new Error('The extension did not answer; reload the page (the extension may have been updated).');
  if (!answer.ok) throw new Error(errorText(answer.error));
  return DashboardView.parse(answer.data);
}
