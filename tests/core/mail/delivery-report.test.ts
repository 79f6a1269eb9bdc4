import { describe, expect, it } from 'vitest';
import { isDeliveryReport } from '../../../core/mail/delivery-report';

describe('isDeliveryReport: RFC 3464 bounces update receipts instead of becoming tickets', () => {
  it('multipart/report with report-type=delivery-status, any case', () => {
    expect(isDeliveryReport('multipart/report', { 'report-type': 'delivery-status', boundary: 'b' })).toBe(true);
    expect(isDeliveryReport('Multipart/Report', { 'report-type': 'Delivery-Status' })).toBe(true);
  });

  it('other reports and ordinary mail are not', () => {
    expect(isDeliveryReport('multipart/report', { 'report-type': 'disposition-notification' })).toBe(false);
    expect(isDeliveryReport('multipart/mixed', { 'report-type': 'delivery-status' })).toBe(false);
    expect(isDeliveryReport('text/plain', {})).toBe(false);
  });
});
