/**
 * A message's header fields as raw strings, keyed by lower-case name; a repeated field has one
 * entry per occurrence. Parsers differ in what they make of each field; the mail rules only need text.
 */
export type HeaderFields = Readonly<Record<string, readonly string[]>>;

/** The first value of a field, trimmed, or '' when the message has none. */
export function firstField(headers: HeaderFields, name: string): string {
  return headers[name.toLowerCase()]?.[0]?.trim() ?? '';
}

export function hasField(headers: HeaderFields, name: string): boolean {
  return (headers[name.toLowerCase()]?.length ?? 0) > 0;
}
