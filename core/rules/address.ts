/** E-mail addresses as the rules compare them. */

/** Mailboxes are matched case-insensitively in practice, and helpdesks treat them so (R-REPLY-5, R-CC-3). */
export function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

/** Keeps the first spelling of each address, dropping blanks and case-insensitive repeats. */
export function uniqueAddresses(addresses: readonly string[], exclude: readonly string[] = []): string[] {
  const seen = new Set(exclude.map(addressKey));
  const unique: string[] = [];
  for (const address of addresses) {
    const key = addressKey(address);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    unique.push(address.trim());
  }
  return unique;
}

/** The address key of a From line, which may be `Name <address>` or the bare address. */
export function senderKey(from: string): string {
  return addressKey(/<([^>]+)>/.exec(from)?.[1] ?? from);
}
