import type { TicketStatus } from '../../../core/schemas/ticket';
import type { Db } from '../client';
import { blueprints, macros, templates, views } from '../schema';
import type { DepartmentName } from './people';
import { ACTIVE_STATUSES, standardViews, type ViewSeed } from '../../tickets/standard-views';

/** Per-department tools agents use on tickets: templates, macros, the refund blueprint and views. */

type DepartmentIds = Record<DepartmentName, number>;

/** Placeholders are the ones R-REPLY-2 fills per ticket. */
const TEMPLATES = [
  {
    department: 'Support',
    name: 'Outage update',
    subject: 'Update on the service disruption — ticket #{{ticket.number}}',
    body:
      'Hi {{contact.name}},\n\nThank you for your patience. The disruption you reported in "{{ticket.subject}}" has been resolved and all services are running normally again. ' +
      'If you still see errors, please reply to this e-mail and we will look into it right away.\n\nBest regards,\n{{agent.name}}\nSupport team',
  },
  {
    department: 'Support',
    name: 'Password reset steps',
    subject: 'How to reset your password (#{{ticket.number}})',
    body:
      'Hi {{contact.name}},\n\nTo reset your password:\n1. Open the sign-in page and choose "Forgot password".\n2. Enter the e-mail address of your account.\n' +
      '3. Open the link we send you within 30 minutes and choose a new password.\n\nIf the e-mail does not arrive, check your spam folder or reply to this message.\n\n{{agent.name}}\nSupport team',
  },
  {
    department: 'Billing',
    name: 'Refund confirmation',
    subject: 'Your refund has been processed — #{{ticket.number}}',
    body:
      'Hi {{contact.name}},\n\nGood news: the refund for "{{ticket.subject}}" has been approved and processed. It reaches your card within 5–10 business days, depending on your bank.\n\n' +
      'Kind regards,\n{{agent.name}}\nBilling team',
  },
] as const;

/** R-BULK-15: the refund process — a refund is escalated for approval before the customer hears back. */
export const REFUND_TRANSITIONS: { from: TicketStatus; to: TicketStatus }[] = [
  { from: 'open', to: 'escalated' },
  { from: 'escalated', to: 'waiting_on_customer' },
  { from: 'waiting_on_customer', to: 'closed' },
  { from: 'escalated', to: 'closed' },
];

export interface Settings {
  refundBlueprintId: number;
  counts: { templates: number; macros: number; blueprints: number; views: number };
}

export async function seedSettings(db: Db, dept: DepartmentIds): Promise<Settings> {
  const templateRows = await db
    .insert(templates)
    .values(TEMPLATES.map(({ department, ...t }) => ({ ...t, departmentId: dept[department] })))
    .returning();
  const templateId = (name: string) => templateRows.find((t) => t.name === name)!.id;
  const macroRows = await db
    .insert(macros)
    .values([
      {
        departmentId: dept.Support,
        name: 'Escalate to Tier 2',
        steps: [
          { type: 'set_status', status: 'escalated' },
          { type: 'add_comment', visibility: 'private', body: 'Escalated to Tier 2: first-line checks done, needs a specialist.' },
        ],
      },
      {
        departmentId: dept.Support,
        name: 'Close as resolved',
        steps: [
          { type: 'send_reply', templateId: templateId('Outage update') },
          { type: 'set_status', status: 'closed' },
        ],
      },
    ])
    .returning();
  const [blueprint] = await db.insert(blueprints).values({ departmentId: dept.Billing, name: 'Refund approval', transitions: REFUND_TRANSITIONS }).returning();
  const viewRows = await db.insert(views).values(viewSeeds(dept, blueprint!.id)).returning();
  return {
    refundBlueprintId: blueprint!.id,
    counts: { templates: templateRows.length, macros: macroRows.length, blueprints: 1, views: viewRows.length },
  };
}

/** One view of every kind per department, so R-BULK-4/5/6 can be tried anywhere in the demo. */
function viewSeeds(dept: DepartmentIds, refundBlueprintId: number) {
  const rows: ViewSeed[] = (Object.keys(dept) as DepartmentName[]).flatMap((name) => standardViews(dept[name]));
  rows.push(
    { name: 'Urgent and high', kind: 'normal', departmentId: dept.Support, filter: { priorities: ['urgent', 'high'], statuses: ACTIVE_STATUSES } },
    { name: 'Waiting on customer', kind: 'normal', departmentId: dept.Billing, filter: { statuses: ['waiting_on_customer'] } },
    { name: 'Refund approval', kind: 'blueprint', departmentId: dept.Billing, filter: { blueprintId: refundBlueprintId } },
    // R-REPLY-6: the one view spanning departments; departmentId null marks it.
    { name: 'All departments', kind: 'all_departments', departmentId: null, filter: {} },
  );
  return rows;
}
