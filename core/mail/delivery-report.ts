/**
 * An RFC 3464 delivery-status notification (a bounce or delay report): `multipart/report` with
 * `report-type=delivery-status`. Such a message updates a recipient's state, never becomes a ticket.
 */
export function isDeliveryReport(contentType: string, params: Readonly<Record<string, string>>): boolean {
  return contentType.trim().toLowerCase() === 'multipart/report' && (params['report-type'] ?? '').trim().toLowerCase() === 'delivery-status';
}
