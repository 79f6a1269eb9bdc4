import { i18n } from '#i18n';
import type { DashboardNames } from '../../core/schemas/dashboard';

export type DashboardNamer = ReturnType<typeof namer>;

/** Names for the ids the dashboard shows; "#id" for one the directory does not know (yet). */
export function namer(names: DashboardNames) {
  const department = (id: number) => names.departments[id] ?? `#${id}`;
  const agent = (id: number) => names.agents[id] ?? `#${id}`;
  const team = (id: number) => names.teams[id] ?? `#${id}`;
  const assignee = (t: { assigneeAgentId: number | null; assigneeTeamId: number | null }) =>
    t.assigneeAgentId !== null ? agent(t.assigneeAgentId) : t.assigneeTeamId !== null ? team(t.assigneeTeamId) : i18n.t('dashboard.unassigned');
  return { department, agent, team, assignee };
}
