import type { Violation } from '../schemas/error';
import type { Priority, Ticket, TicketStatus } from '../schemas/ticket';
import { MAX_SECONDARY_CONTACTS } from './cc-rules';
import { checkPermission } from './permissions';
import type { AgentAccess } from './permissions';
import { list, refusal } from '../refusals/refusal';
import { allOf, OK, verdictOf, violation, withRule } from './verdict';
import type { Verdict } from './verdict';

/** R-MERGE-2 */
export const MIN_MERGE = 2;
/** R-MERGE-2 */
export const MAX_MERGE = 5;

export type MergeCandidate = Pick<Ticket, 'id' | 'number' | 'departmentId' | 'createdAt' | 'trashedAt' | 'mergedIntoId'> & Partial<Ticket>;

/** Whether these tickets may be merged by this agent (R-MERGE-1, R-MERGE-2, R-MERGE-7). */
export function checkMerge(input: { tickets: MergeCandidate[]; access: AgentAccess; primaryNumbers?: ReadonlyMap<number, number> }): Verdict {
  const tickets = uniqueById(input.tickets);
  const departmentIds = [...new Set(tickets.map((t) => t.departmentId))];
  return allOf(
    checkMergeCount(tickets.length),
    checkSameDepartment(departmentIds),
    ...tickets.map((t) => checkStillMergeable(t, input.primaryNumbers)),
    // R-MERGE-1
    ...departmentIds.map((d) => withRule(checkPermission(input.access, 'ticket.merge', d), 'R-MERGE-1')),
  );
}

/** A ticket picked twice is still one ticket; counting it twice would let 1 ticket "merge" with itself. */
function uniqueById<T extends { id: number }>(tickets: T[]): T[] {
  const byId = new Map<number, T>();
  for (const t of tickets) if (!byId.has(t.id)) byId.set(t.id, t);
  return [...byId.values()];
}

/** R-MERGE-2 */
function checkMergeCount(count: number): Verdict {
  if (count < MIN_MERGE) {
    return violation('R-MERGE-2', 'merge.tooFew', { min: MIN_MERGE, count });
  }
  if (count > MAX_MERGE) {
    return violation('R-MERGE-2', 'merge.tooMany', { count, max: MAX_MERGE, fewer: count - MAX_MERGE });
  }
  return OK;
}

/** R-MERGE-2 */
function checkSameDepartment(departmentIds: number[]): Verdict {
  if (departmentIds.length <= 1) return OK;
  return violation('R-MERGE-2', 'merge.departments', { departments: list(departmentIds) });
}

/** R-MERGE-7: trashed and merged tickets already left the inbox; merging them again would lose track of them. */
function checkStillMergeable(ticket: MergeCandidate, primaryNumbers?: ReadonlyMap<number, number>): Verdict {
  if (ticket.mergedIntoId !== null) {
    const number = primaryNumbers?.get(ticket.mergedIntoId);
    if (number === undefined) return violation('R-MERGE-7', 'merge.alreadyMergedUnknown', { number: ticket.number }, ticket.id);
    return violation('R-MERGE-7', 'merge.alreadyMerged', { number: ticket.number, primary: number }, ticket.id);
  }
  if (ticket.trashedAt !== null) {
    return violation('R-MERGE-7', 'merge.trashed', { number: ticket.number }, ticket.id);
  }
  return OK;
}

/** Oldest first; equal times fall back to the lower id so the order never depends on input order. */
function byAge(a: Pick<Ticket, 'id' | 'createdAt'>, b: Pick<Ticket, 'id' | 'createdAt'>): number {
  // Parsed, not compared as strings: timestamps may carry different UTC offsets.
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id;
}

/** R-MERGE-3: the oldest ticket is the primary unless the agent picks another. */
export function defaultPrimary(tickets: MergeCandidate[]): number {
  const oldest = [...tickets].sort(byAge)[0];
  if (oldest === undefined) throw new RangeError('defaultPrimary needs at least one ticket.');
  return oldest.id;
}

/** R-MERGE-4: the fields whose value the agent picks from one of the merged tickets. */
export const MERGEABLE_FIELDS = [
  'contactId',
  'account',
  'subject',
  'product',
  'category',
  'priority',
  'status',
  'assigneeAgentId',
  'assigneeTeamId',
  'secondaryContactIds',
  'ccAddresses',
  'tags',
  'resolution',
  'customFields',
] as const;
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];

function isMergeableField(name: string): name is MergeableField {
  return (MERGEABLE_FIELDS as readonly string[]).includes(name);
}

/** Values R-MERGE-4 lets another ticket fill in on the primary. */
export function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

function findTicket(tickets: Ticket[], id: number): Ticket {
  const ticket = tickets.find((t) => t.id === id);
  if (ticket === undefined) throw new RangeError(`Ticket ${id} is not one of the tickets being merged.`);
  return ticket;
}

/**
 * R-MERGE-4 defaults: the value most useful on a live request, so merging an open ticket with the
 * customer's older closed ones never closes it (the primary stays the oldest, R-MERGE-3/5).
 * Status: the most active; the order says whose move it is: ours now, ours later, another team's,
 * the customer's, nobody's.
 */
const STATUS_ACTIVITY: readonly TicketStatus[] = ['open', 'on_hold', 'escalated', 'waiting_on_customer', 'closed'];
/** Highest first. */
const PRIORITY_RANK: readonly Priority[] = ['urgent', 'high', 'medium', 'low'];
/** Written text whose newest non-empty version is the current one (a later ticket restates the problem). */
const NEWEST_TEXT_FIELDS: ReadonlySet<MergeableField> = new Set(['subject', 'account', 'product', 'category', 'resolution', 'customFields']);
/** Who works on the request: the agent and team of the ticket whose status wins, where it has them. */
const ASSIGNEE_FIELDS: ReadonlySet<MergeableField> = new Set(['assigneeAgentId', 'assigneeTeamId']);

/** The best-ranked ticket; on a tie the primary, else the newest, so the default moves as little as it can. */
function bestRanked(tickets: Ticket[], primary: Ticket, rank: (t: Ticket) => number): Ticket {
  const best = Math.min(...tickets.map(rank));
  if (rank(primary) === best) return primary;
  return (
    [...tickets]
      .sort(byAge)
      .reverse()
      .find((t) => rank(t) === best) ?? primary
  );
}

/**
 * R-MERGE-4: which ticket each field's default value comes from. Status: the most active; priority:
 * the highest; text and custom fields: the newest non-empty; assignees: the status winner's; any
 * other field (contact, CCs, tags): the primary's, filled when empty from the newest ticket that has one.
 */
export function defaultFieldChoices(tickets: Ticket[], primaryId: number): Record<MergeableField, number> {
  const primary = findTicket(tickets, primaryId);
  const newestFirst = [...tickets].sort(byAge).reverse();
  const newestWith = (field: MergeableField) => newestFirst.find((t) => !isEmptyValue(t[field]));
  const live = bestRanked(tickets, primary, (t) => STATUS_ACTIVITY.indexOf(t.status));
  const choices = {} as Record<MergeableField, number>;
  for (const field of MERGEABLE_FIELDS) {
    let source: Ticket | undefined;
    if (field === 'status') source = live;
    else if (field === 'priority') source = bestRanked(tickets, primary, (t) => PRIORITY_RANK.indexOf(t.priority));
    else if (NEWEST_TEXT_FIELDS.has(field)) source = newestWith(field);
    else if (ASSIGNEE_FIELDS.has(field) && !isEmptyValue(live[field])) source = live;
    else if (isEmptyValue(primary[field])) source = newestWith(field);
    choices[field] = (source ?? primary).id;
  }
  return choices;
}

/** Refuses field choices that name an unknown field or a ticket outside the merge (R-MERGE-4, R-CC-9). */
export function checkFieldChoices(tickets: Ticket[], choices: Partial<Record<string, number>>): Verdict {
  const ids = tickets.map((t) => t.id);
  const numbers = list(tickets.map((t) => `#${t.number}`));
  const violations: Violation[] = [];
  for (const [field, ticketId] of Object.entries(choices)) {
    if (ticketId === undefined) continue;
    if (!isMergeableField(field)) {
      violations.push(refusal('R-MERGE-4', 'merge.noField', { field, fields: list([...MERGEABLE_FIELDS]) }));
    } else if (!ids.includes(ticketId)) {
      violations.push(refusal('R-MERGE-4', 'merge.foreignTicket', { field, ticketId, numbers }));
    } else if (field === 'secondaryContactIds') {
      violations.push(...checkChosenSecondaryContacts(findTicket(tickets, ticketId)));
    }
  }
  return verdictOf(violations);
}

/** R-CC-9 + R-CC-2: the chosen ticket's secondary contacts become the merged ticket's, so the cap applies. */
function checkChosenSecondaryContacts(source: Ticket): Violation[] {
  const count = source.secondaryContactIds.length;
  if (count <= MAX_SECONDARY_CONTACTS) return [];
  return [refusal('R-CC-2', 'merge.tooManyCc', { number: source.number, count, max: MAX_SECONDARY_CONTACTS, fewer: count - MAX_SECONDARY_CONTACTS }, source.id)];
}

/** The merged ticket as the preview shows it (R-MERGE-4, R-MERGE-5, R-MERGE-8). */
export function mergedFields(tickets: Ticket[], primaryId: number, choices: Partial<Record<MergeableField, number>>): Ticket {
  const primary = findTicket(tickets, primaryId);
  const defaults = defaultFieldChoices(tickets, primaryId);
  // R-MERGE-5: starting from the primary keeps its id, number, department, created, first-response and
  // on-hold times, since none of them is a mergeable field.
  const merged: Ticket = { ...primary, webmailThreads: primary.webmailThreads.map((w) => ({ ...w })) };
  for (const field of MERGEABLE_FIELDS) {
    copyField(merged, findTicket(tickets, choices[field] ?? defaults[field]), field);
  }
  return merged;
}

function copyField<K extends MergeableField>(target: Ticket, source: Ticket, field: K): void {
  target[field] = copyValue(source[field]);
}

/** The merged ticket must not share arrays or objects with the tickets it came from. */
function copyValue<T>(value: T): T {
  if (Array.isArray(value)) return [...value] as T;
  if (value !== null && typeof value === 'object') return { ...value };
  return value;
}
