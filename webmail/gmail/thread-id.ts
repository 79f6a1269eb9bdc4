/**
 * Gmail names a conversation two ways: the legacy id (hex, "18be3dcdd8224f79", used in URLs) and the
 * permanent id ("thread-f:1782930456789012345"), whose number is the same value in decimal. We key
 * tickets by the legacy id, converting the permanent one, so either attribute yields the same key.
 */

const LEGACY_ID = /^[0-9a-f]+$/i;
/** "thread-f:<decimal>", alone or as "thread-f:<decimal>|msg-f:<decimal>" (rows that name their message too). */
const PERMANENT_ID = /^thread-f:(\d+)(?:\|msg-f:\d+)?$/;

/** The legacy thread id of an element carrying Gmail's thread attributes, or null when it has none yet. */
export function gmailThreadId(element: Element, legacyAttribute: string, permanentAttribute: string): string | null {
  return legacyId(element.getAttribute(legacyAttribute)) ?? fromPermanentId(element.getAttribute(permanentAttribute));
}

function legacyId(value: string | null): string | null {
  const id = stripHash(value);
  return id !== null && LEGACY_ID.test(id) ? id.toLowerCase() : null;
}

/**
 * Only "thread-f:" ids map to a legacy id. "thread-a:r…" is a client-side placeholder Gmail gives a
 * conversation it has not saved yet: not an id to key a ticket by, so it yields null.
 */
function fromPermanentId(value: string | null): string | null {
  const digits = stripHash(value)?.match(PERMANENT_ID)?.[1];
  return digits === undefined ? null : BigInt(digits).toString(16);
}

/** Gmail sometimes prefixes ids with '#' (they double as URL fragments). */
export function stripHash(value: string | null): string | null {
  const trimmed = value?.trim().replace(/^#/, '') ?? '';
  return trimmed === '' ? null : trimmed;
}
