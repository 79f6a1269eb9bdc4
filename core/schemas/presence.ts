import { z } from 'zod';
import { Id, Timestamp } from './common';

/** Collision detection: an agent has the ticket open in the panel, or is writing a reply to it. */
export const PresenceState = z.enum(['viewing', 'replying']);
export type PresenceState = z.infer<typeof PresenceState>;

/** A heartbeat lasts this long; the panel renews it well within (every few seconds). */
export const PRESENCE_TTL_SECONDS = 15;

export const PresenceUpdate = z.object({ state: PresenceState }).strict().meta({ id: 'PresenceUpdate' });
export type PresenceUpdate = z.infer<typeof PresenceUpdate>;

/** Another agent on the ticket: who, doing what, since when (the caller is never listed). */
export const PresenceEntry = z.object({ agentId: Id, name: z.string().max(200), state: PresenceState, since: Timestamp }).meta({ id: 'PresenceEntry' });
export type PresenceEntry = z.infer<typeof PresenceEntry>;

export const PresenceList = z.object({ items: z.array(PresenceEntry) }).meta({ id: 'PresenceList' });
export type PresenceList = z.infer<typeof PresenceList>;

/** What the panel gets back from a heartbeat: available false when the backend has no presence API yet (older server). */
export const PanelPresence = z.object({ available: z.boolean(), items: z.array(PresenceEntry) });
export type PanelPresence = z.infer<typeof PanelPresence>;
