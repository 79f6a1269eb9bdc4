import { and, eq, sql } from 'drizzle-orm';
import { checkBlueprintTransition } from '../../core/rules/blueprint-rules';
import { checkPermission } from '../../core/rules/permissions';
import type { TicketPatch } from '../../core/schemas/api';
import type { Blueprint } from '../../core/schemas/template';
import type { Ticket, TicketStatus } from '../../core/schemas/ticket';
import type { Db } from '../db/client';
import { blueprints, departments, ticketHistory, tickets } from '../db/schema';
import { conflict, enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { enforceCustomFields } from '../departments/custom-fields';
import { noticeNewFollowers } from '../notices/cc-notices';
import { enforceAssignee } from './assignee';
import { enforceRecipients } from './secondary-contacts';
import { contactChange } from './ticket-contact';
import { planMove } from './ticket-move';
import { blueprintHistory, enforceBlueprintApply } from './ticket-blueprint';
import { getVisibleTicket } from './ticket-query';
import { toTickets } from './ticket-rows';
import { linkWebmailThread } from './webmail-links';
import { refuseMergedAway } from '../merge/merged-away-refusal';
import type { TicketRow } from '../db/rows';

function refuseStale(row: TicketRow, patch: TicketPatch) {
  if (row.trashedAt) throw conflict(`Ticket #${row.number} is in the trash; restore it before editing.`);
  if (patch.version !== row.version) {
    throw conflict(`Ticket #${row.number} was changed by someone else (version ${row.version}, yours ${patch.version}); reload it and apply your change again.`, {
      currentVersion: row.version,
    });
  }
}

export async function enforceBlueprint(db: Db, row: TicketRow, to: TicketStatus | undefined) {
  if (!to || row.blueprintId === null) return;
  const [blueprint] = await db.select().from(blueprints).where(eq(blueprints.id, row.blueprintId));
  if (blueprint) enforce(checkBlueprintTransition(blueprint as Pick<Blueprint, 'name' | 'transitions'>, row.status as TicketStatus, to, row));
}

/** Keeps on-hold time (R-MERGE-5 carries it into merges): counted while the status is on_hold. */
export function onHoldChange(row: TicketRow, to: TicketStatus | undefined) {
  if (!to || to === row.status) return {};
  if (to === 'on_hold') return { onHoldSince: sql`now()` };
  if (row.status === 'on_hold' && row.onHoldSince) {
    return {
      onHoldSeconds: sql`${tickets.onHoldSeconds} + greatest(0, extract(epoch from now() - ${tickets.onHoldSince}))::int`,
      onHoldSince: null,
    };
  }
  return {};
}

function changedFields(row: TicketRow, patch: Partial<TicketRow>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(patch)) {
    const from = row[field as keyof TicketRow];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

/** Only brings a conversation to the ticket; changes none of the fields a merge settled. */
const onlyAddsConversation = (patch: TicketPatch) => Object.keys(patch).every((key) => key === 'version' || key === 'addWebmailThread');

export async function patchTicket(db: Db, auth: AuthContext, id: number, patch: TicketPatch): Promise<Ticket> {
  const row = await getVisibleTicket(db, auth.access, id, true);
  // What arrives for a merged-away ticket lands on its primary; its version is the primary's business, not the caller's.
  if (row.mergedIntoId && onlyAddsConversation(patch)) {
    const primary = await getVisibleTicket(db, auth.access, row.mergedIntoId, true);
    return patchTicket(db, auth, primary.id, { ...patch, version: primary.version });
  }
  enforce(checkPermission(auth.access, 'ticket.edit', row.departmentId));
  await refuseMergedAway(db, row, 'edit $primary');
  refuseStale(row, patch);
  const { version: _version, addWebmailThread, ...requested } = patch;
  const move = await planMove(db, auth, row, patch);
  const fields = { ...move?.changes, ...requested, ...(move ? { departmentId: move.target.id } : {}), ...(await contactChange(db, row, requested.contactId)) };
  const [department] = move ? [move.target] : await db.select().from(departments).where(eq(departments.id, row.departmentId));
  // R-BULK-15: removing the blueprint frees the ticket, also for a status change sent with it.
  if (!move && requested.blueprintId !== null) await enforceBlueprint(db, row, fields.status);
  const applied = requested.blueprintId
    ? await enforceBlueprintApply(db, { ...row, departmentId: department!.id, status: fields.status ?? (row.status as TicketStatus) }, requested.blueprintId)
    : null;
  await enforceAssignee(db, department!, fields);
  await enforceCustomFields(
    db,
    { departmentId: department!.id, number: row.number, current: row.customFields },
    fields.customFields,
    fields.status === 'closed' && row.status !== 'closed',
  );
  if (fields.secondaryContactIds || fields.ccAddresses || (move && row.secondaryContactIds.length > 0)) {
    await enforceRecipients(
      db,
      department!,
      { secondaryContactIds: fields.secondaryContactIds ?? row.secondaryContactIds, ccAddresses: fields.ccAddresses ?? row.ccAddresses },
      row.id,
    );
  }
  const changes = changedFields(row, fields);
  const blueprintEntry = requested.blueprintId === undefined ? null : blueprintHistory(changes, applied);
  if (addWebmailThread) {
    await linkWebmailThread(db, row.id, addWebmailThread);
    changes.webmailThread = { from: null, to: addWebmailThread };
  }
  const [updated] = await db
    .update(tickets)
    .set({ ...fields, ...onHoldChange(row, fields.status), version: row.version + 1, updatedAt: sql`now()` })
    .where(and(eq(tickets.id, row.id), eq(tickets.version, row.version)))
    .returning();
  // A patch that only applied or removed a blueprint says so alone, without an empty "updated".
  if (!blueprintEntry || Object.keys(changes).length > 0) await db.insert(ticketHistory).values({ ticketId: row.id, agentId: auth.agent.id, action: 'updated', changes });
  if (blueprintEntry) await db.insert(ticketHistory).values({ ticketId: row.id, agentId: auth.agent.id, ...blueprintEntry });
  await noticeNewFollowers(db, row, updated!);
  return (await toTickets(db, [updated!]))[0]!;
}
