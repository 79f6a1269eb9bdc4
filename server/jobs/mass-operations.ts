import { sql, type SQL } from 'drizzle-orm';
import type { OperationPayload } from '../../core/schemas/job';
import type { JobRow } from '../db/rows';

/**
 * A mass operation as set-based SQL over the alias `t` (the ticket before the change): refusals
 * with their reason, the columns to set, and the history entry built from the old values.
 */
export interface MassSpec {
  action: string;
  refusals: { reason: string; when: SQL }[];
  set: SQL;
  changes: SQL;
}

type Payload<O extends OperationPayload['operation']> = Extract<OperationPayload, { operation: O }>['payload'];

const change = (name: string, from: SQL, to: SQL) => sql`jsonb_build_object(${name}::text, jsonb_build_object('from', ${from}, 'to', ${to}))`;

const COLUMNS: Record<string, string> = { status: 'status', priority: 'priority', category: 'category', product: 'product', account: 'account' };

function assign(payload: Payload<'assign'>): MassSpec {
  if ('agentId' in payload) {
    return {
      action: 'assigned',
      refusals: [
        {
          reason: `Agent ${payload.agentId} is not a member of the ticket's department.`,
          when: sql`not exists (select 1 from memberships m where m.agent_id = ${payload.agentId} and m.department_id = t.department_id)`,
        },
      ],
      set: sql`assignee_agent_id = ${payload.agentId}`,
      changes: change('assigneeAgentId', sql`to_jsonb(t.assignee_agent_id)`, sql`to_jsonb(${payload.agentId}::bigint)`),
    };
  }
  return {
    action: 'assigned',
    refusals: [
      {
        reason: `Team ${payload.teamId} is not a team of the ticket's department.`,
        when: sql`not exists (select 1 from teams tm where tm.id = ${payload.teamId} and tm.department_id = t.department_id)`,
      },
    ],
    set: sql`assignee_team_id = ${payload.teamId}, assignee_agent_id = null`,
    changes: change('assigneeTeamId', sql`to_jsonb(t.assignee_team_id)`, sql`to_jsonb(${payload.teamId}::bigint)`),
  };
}

function updateField({ field, value }: Payload<'update_field'>): MassSpec {
  if (field.startsWith('custom.')) {
    const name = field.slice('custom.'.length);
    return {
      action: 'updated',
      refusals: [
        {
          reason: `The ticket's department has no custom field "${name}".`,
          when: sql`not exists (select 1 from custom_fields cf where cf.department_id = t.department_id and cf.key = ${name}::text)`,
        },
      ],
      set: sql`custom_fields = t.custom_fields || jsonb_build_object(${name}::text, ${JSON.stringify(value)}::jsonb)`,
      changes: change(field, sql`t.custom_fields -> ${name}::text`, sql`${JSON.stringify(value)}::jsonb`),
    };
  }
  const column = sql.raw(COLUMNS[field]!);
  // R-BULK-15: a ticket under a blueprint only takes a status its transitions allow.
  const blueprint =
    field === 'status'
      ? [
          {
            reason: `R-BULK-15: the ticket's blueprint does not allow this status change; remove the blueprint to change it freely.`,
            when: sql`t.blueprint_id is not null and t.status <> ${value} and not exists (
              select 1 from blueprints b, jsonb_array_elements(b.transitions) tr
              where b.id = t.blueprint_id and tr->>'from' = t.status and tr->>'to' = ${value})`,
          },
        ]
      : [];
  return { action: 'updated', refusals: blueprint, set: sql`${column} = ${value}`, changes: change(field, sql`to_jsonb(t.${column})`, sql`to_jsonb(${value}::text)`) };
}

function move({ departmentId }: Payload<'move'>): MassSpec {
  return {
    action: 'moved',
    refusals: [
      { reason: 'Already in that department.', when: sql`t.department_id = ${departmentId}` },
      {
        reason: "R-CC-1: the target department has secondary contacts (CC) off; remove this ticket's CCs first.",
        when: sql`cardinality(t.secondary_contact_ids) > 0 and not exists (select 1 from departments d where d.id = ${departmentId} and (d.features->>'cc')::boolean)`,
      },
    ],
    // What belonged to the old department goes: its blueprint, and an assignee or team not in the new one.
    set: sql`department_id = ${departmentId}, blueprint_id = null,
      assignee_agent_id = case when exists (select 1 from memberships m where m.agent_id = t.assignee_agent_id and m.department_id = ${departmentId}) then t.assignee_agent_id end,
      assignee_team_id = case when exists (select 1 from teams tm where tm.id = t.assignee_team_id and tm.department_id = ${departmentId}) then t.assignee_team_id end`,
    changes: change('departmentId', sql`to_jsonb(t.department_id)`, sql`to_jsonb(${departmentId}::bigint)`),
  };
}

const trash = (): MassSpec => ({
  action: 'deleted',
  refusals: [{ reason: 'Already in the trash.', when: sql`t.trashed_at is not null` }],
  set: sql`trashed_at = now()`,
  changes: change('trashedAt', sql`'null'::jsonb`, sql`to_jsonb(now())`),
});

const removeBlueprint = (): MassSpec => ({
  action: 'blueprint_removed',
  refusals: [{ reason: 'No blueprint is applied to this ticket.', when: sql`t.blueprint_id is null` }],
  set: sql`blueprint_id = null`,
  changes: change('blueprintId', sql`to_jsonb(t.blueprint_id)`, sql`'null'::jsonb`),
});

const updateResolution = ({ text }: Payload<'update_resolution'>): MassSpec => ({
  action: 'updated',
  refusals: [],
  set: sql`resolution = ${text}`,
  changes: change('resolution', sql`to_jsonb(t.resolution)`, sql`to_jsonb(${text}::text)`),
});

/** The mass column of R-BULK-2: assign, update a field, delete, move, remove blueprint, update resolution. */
export function massSpecOf(job: JobRow): MassSpec | null {
  const payload = job.payload as never;
  switch (job.operation) {
    case 'assign':
      return assign(payload);
    case 'update_field':
      return updateField(payload);
    case 'move':
      return move(payload);
    case 'delete':
      return trash();
    case 'remove_blueprint':
      return removeBlueprint();
    case 'update_resolution':
      return updateResolution(payload);
    default:
      return null;
  }
}
