/**
 * The Message-IDs an In-Reply-To or References field lists, each as `<id@host>`. Clients differ in
 * separators (spaces, commas, folded lines) and some drop the brackets on a lone id.
 */
export function messageIdsIn(field: string | readonly string[] | undefined): string[] {
  const text = Array.isArray(field) ? field.join(' ') : ((field as string | undefined) ?? '');
  const bracketed = text.match(/<[^<>\s]+>/g);
  if (bracketed) return [...new Set(bracketed)];
  const bare = text.trim();
  return /^[^\s<>@]+@[^\s<>]+$/.test(bare) ? [`<${bare}>`] : [];
}

/** Both spellings an id may be stored in (the extension reads some without brackets). */
export function messageIdSpellings(ids: readonly string[]): string[] {
  return [...new Set(ids.flatMap((id) => [id, id.replace(/^<|>$/g, '')]))];
}
