/** Timeline entries are shown as plain text excerpts: bodies are untrusted mail, never markup. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // Cut at a word boundary unless that throws away most of the excerpt (e.g. Japanese has no spaces).
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
