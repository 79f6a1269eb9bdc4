import { describe, expect, it } from 'vitest';
import { ccRefusals } from '../../../components/shared/cc-refusals';
import type { MessageError } from '../../../core/schemas/messages';

const refusal = (violations: { rule: string; message: string }[]): MessageError => ({
  code: 'RULE_VIOLATION',
  rule: violations[0]!.rule,
  message: violations[0]!.message,
  details: { violations },
});

describe('the server refusals of a secondary contacts list', () => {
  it('R-CC-3 pins each refused address with its reason', () => {
    const error = refusal([
      { rule: 'R-CC-3', message: "agent@demo.example cannot be a secondary contact: it is an agent's address." },
      { rule: 'R-CC-3', message: 'Support@Demo.example cannot be a secondary contact: it is a support address of department Support.' },
    ]);
    expect(ccRefusals(error, ['ann@mailbox.example', 'agent@demo.example', 'support@demo.example'])).toEqual([
      { address: 'agent@demo.example', rule: 'R-CC-3', message: "agent@demo.example cannot be a secondary contact: it is an agent's address." },
      { address: 'support@demo.example', rule: 'R-CC-3', message: 'Support@Demo.example cannot be a secondary contact: it is a support address of department Support.' },
    ]);
  });

  it('matches whole addresses only, the longest first', () => {
    const error = refusal([{ rule: 'R-CC-3', message: 'ba@x.com cannot be a secondary contact: it is a spam contact.' }]);
    expect(ccRefusals(error, ['a@x.com', 'ba@x.com'])[0]!.address).toBe('ba@x.com');
    expect(ccRefusals(error, ['a@x.com', 'a@x.co'])[0]!.address).toBeNull();
  });

  it('keeps a refusal that names no address (R-CC-1, R-CC-2) with its rule', () => {
    const error = refusal([{ rule: 'R-CC-2', message: 'This ticket would have 21 secondary contacts; at most 20 are allowed. Remove 1.' }]);
    expect(ccRefusals(error, ['a@x.com'])).toEqual([{ address: null, rule: 'R-CC-2', message: error.message }]);
  });

  it('falls back to the error itself when it lists no violations', () => {
    expect(ccRefusals({ code: 'CONFLICT', message: 'The ticket changed.' }, [])).toEqual([{ address: null, rule: null, message: 'The ticket changed.' }]);
  });
});
