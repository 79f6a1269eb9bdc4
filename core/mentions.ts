/**
 * `@name` in a note or comment (issue 22, item 3): which agents it names. An agent answers to the
 * part of their address before the @ (`@aiko`), to their whole name written without spaces
 * (`@AikoTanaka`, `@佐藤美咲`) and to their first name (`@Aiko`, `@佐藤`) when no other agent of the
 * list shares it. Case does not matter; an @ inside an address (`aiko@acme.test`) is no mention.
 */
export interface Mentionable {
  id: number;
  name: string;
  email: string;
}

const TOKEN = /(?<![\p{L}\p{N}._%+-])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

const fold = (s: string) => s.normalize('NFKC').toLowerCase();
const firstName = (name: string) => fold(name.trim().split(/\s+/)[0] ?? '');

/** The handles written after each @ in the text, folded, trailing dots dropped (end of a sentence). */
export function mentionTokens(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => fold(m[1]!.replace(/[.]+$/, '')));
}

function handlesOf(agent: Mentionable, firstNames: Map<string, number>): string[] {
  const handles = [fold(agent.email.split('@')[0] ?? ''), fold(agent.name.replace(/\s+/g, ''))];
  const first = firstName(agent.name);
  if (first && firstNames.get(first) === 1) handles.push(first);
  return handles.filter(Boolean);
}

/** The agents of `among` the text mentions, each once, in the order of `among`. */
export function mentionedAgents<A extends Mentionable>(text: string, among: readonly A[]): A[] {
  const tokens = new Set(mentionTokens(text));
  if (tokens.size === 0) return [];
  const firstNames = new Map<string, number>();
  for (const agent of among) firstNames.set(firstName(agent.name), (firstNames.get(firstName(agent.name)) ?? 0) + 1);
  return among.filter((agent) => handlesOf(agent, firstNames).some((h) => tokens.has(h)));
}
