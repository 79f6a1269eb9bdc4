import type { Contact } from '../schemas/contact';
import type { Department } from '../schemas/department';
import type { Violation } from '../schemas/error';
import { addressKey, senderKey } from './address';
import { list, phrase, refusal, renderParam, type Phrase } from '../refusals/refusal';
import { verdictOf } from './verdict';
import type { Verdict } from './verdict';

/** R-CC-2 */
export const MAX_SECONDARY_CONTACTS = 20;

/** R-CC-1: secondary contacts are an admin's per-department choice and live in the help center. */
export function checkCcEnabled(dept: Pick<Department, 'name' | 'helpCenter' | 'features'>): Verdict {
  const violations: Violation[] = [];
  if (!dept.features.cc) {
    violations.push(refusal('R-CC-1', 'cc.disabled', { department: dept.name }));
  }
  if (!dept.helpCenter) {
    violations.push(refusal('R-CC-1', 'cc.needsHelpCenter', { department: dept.name }));
  }
  return verdictOf(violations);
}

export interface CcCandidate {
  email: string;
  /** null: an address typed by hand that no contact has yet (R-CC-4). */
  contact: Pick<Contact, 'id' | 'deleted' | 'spam' | 'anonymous'> | null;
}

type DepartmentAddresses = Pick<Department, 'name' | 'supportAddresses' | 'fromAddresses'>;

export interface SecondaryContactsInput {
  department: DepartmentAddresses;
  /** R-CC-3: every other department's support and from-addresses are refused too. */
  otherDepartments?: DepartmentAddresses[];
  agentEmails: string[];
  /** The ticket's whole list of secondary contacts after the change, not just the added ones. */
  candidates: CcCandidate[];
  ticketId?: number;
}

/**
 * R-CC-2..4. toCreate lists the typed addresses that become new contacts; create them only when the
 * verdict is ok.
 */
export function checkSecondaryContacts(input: SecondaryContactsInput): { verdict: Verdict; toCreate: string[] } {
  const candidates = uniqueCandidates(input.candidates);
  const violations: Violation[] = [];
  const toCreate: string[] = [];
  // R-CC-2
  if (candidates.length > MAX_SECONDARY_CONTACTS) {
    violations.push(refusal('R-CC-2', 'cc.tooMany', { count: candidates.length, max: MAX_SECONDARY_CONTACTS, fewer: candidates.length - MAX_SECONDARY_CONTACTS }, input.ticketId));
  }
  const refuse = refusalReasons(input);
  for (const candidate of candidates) {
    const reasons = refuse(candidate);
    if (reasons.length > 0) {
      // R-CC-3: name the address and every reason, so the agent knows what to fix.
      violations.push(refusal('R-CC-3', 'cc.refused', { address: candidate.email.trim(), reasons: list(reasons, 'and') }, input.ticketId));
    } else if (candidate.contact === null) {
      // R-CC-4: a typed address becomes a new contact.
      toCreate.push(addressKey(candidate.email));
    }
  }
  return { verdict: verdictOf(violations), toCreate };
}

/** One entry per address, compared case-insensitively; the first one given wins. */
function uniqueCandidates(candidates: CcCandidate[]): CcCandidate[] {
  const byKey = new Map<string, CcCandidate>();
  for (const c of candidates) {
    const key = addressKey(c.email);
    if (key !== '' && !byKey.has(key)) byKey.set(key, c);
  }
  return [...byKey.values()];
}

/** Which departments use each address, as support or from-address: none of them may be a CC (R-CC-3). */
function addressOwners(departments: DepartmentAddresses[], pick: (d: DepartmentAddresses) => string[]): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const d of departments) for (const a of pick(d)) owners.set(addressKey(a), [...new Set([...(owners.get(addressKey(a)) ?? []), d.name])]);
  return owners;
}

/** R-CC-3: the reasons an address may never be a secondary contact, in words for the agent. */
function refusalReasons(input: Pick<SecondaryContactsInput, 'department' | 'otherDepartments' | 'agentEmails'>): (candidate: CcCandidate) => Phrase[] {
  const all = [input.department, ...(input.otherDepartments ?? [])];
  const support = addressOwners(all, (d) => d.supportAddresses);
  const from = addressOwners(all, (d) => d.fromAddresses);
  const agents = new Set(input.agentEmails.map(addressKey));
  return ({ email, contact }) => {
    const key = addressKey(email);
    const reasons: Phrase[] = [];
    if (contact?.deleted) reasons.push(phrase('cc.reason.deleted', {}));
    if (contact?.spam) reasons.push(phrase('cc.reason.spam', {}));
    if (contact?.anonymous) reasons.push(phrase('cc.reason.anonymous', {}));
    for (const name of support.get(key) ?? []) reasons.push(phrase('cc.reason.support', { department: name }));
    for (const name of from.get(key) ?? []) reasons.push(phrase('cc.reason.from', { department: name }));
    if (agents.has(key)) reasons.push(phrase('cc.reason.agent', {}));
    return reasons;
  };
}

export interface AutoCcInput {
  department: DepartmentAddresses;
  otherDepartments?: DepartmentAddresses[];
  agentEmails: string[];
  /** The incoming message: its sender and every To/CC recipient. */
  from: string;
  recipients: string[];
  /** The contacts that already exist for those addresses, by lower-cased address. */
  knownContacts: Map<string, Pick<Contact, 'id' | 'deleted' | 'spam' | 'anonymous'>>;
  /** Secondary contacts and CC addresses the ticket gets anyway: they count against the 20. */
  alreadyFollowing: string[];
  /** Left out silently, not counted: on a later message, the ticket's customer and the addresses it reached us at. */
  exclude?: string[];
}

/**
 * R-CC-6: the recipients of an incoming e-mail that become secondary contacts — all To/CC recipients
 * except the original sender and the addresses R-CC-3 never allows — in the message's order, up to
 * 20 with those the ticket already has (R-CC-2); `skipped` says which were left out and why.
 */
export function autoCcAddresses(input: AutoCcInput): { add: CcCandidate[]; skipped: { email: string; reason: string }[] } {
  const sender = senderKey(input.from);
  const refuse = refusalReasons(input);
  const following = new Set(input.alreadyFollowing.map(addressKey));
  const room = MAX_SECONDARY_CONTACTS - following.size;
  const seen = new Set<string>([sender, ...following, ...(input.exclude ?? []).map(addressKey)]);
  const add: CcCandidate[] = [];
  const skipped: { email: string; reason: string }[] = [];
  for (const email of input.recipients) {
    const key = addressKey(email);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const candidate: CcCandidate = { email: key, contact: input.knownContacts.get(key) ?? null };
    const reasons = refuse(candidate);
    if (reasons.length > 0) skipped.push({ email: key, reason: `R-CC-3: ${renderParam('en', list(reasons, 'and'))}` });
    else if (add.length >= room) skipped.push({ email: key, reason: `R-CC-2: the ticket already has ${MAX_SECONDARY_CONTACTS} secondary contacts` });
    else add.push(candidate);
  }
  return { add, skipped };
}
