import { describe, expect, it } from 'vitest';
import { mentionedAgents, mentionTokens } from '../../core/mentions';

const agents = [
  { id: 1, name: 'Aiko Tanaka', email: 'aiko@acme.test' },
  { id: 2, name: 'Aiko Sato', email: 'asato@acme.test' },
  { id: 3, name: '佐藤 美咲', email: 'misaki@acme.test' },
  { id: 4, name: 'Lee Lead', email: 'lead@acme.test' },
];
const ids = (text: string) => mentionedAgents(text, agents).map((a) => a.id);

describe('@name mentions (issue 22, item 3)', () => {
  it('finds the handles after an @, not the @ inside an address, and drops a full stop', () => {
    expect(mentionTokens('Ask @Lee. Mail aiko@acme.test, @佐藤')).toEqual(['lee', '佐藤']);
  });

  it('an agent answers to the address before the @ and to the name without spaces, in any case', () => {
    expect(ids('@AIKO please')).toEqual([1]);
    expect(ids('@AikoSato and @佐藤美咲')).toEqual([2, 3]);
  });

  it('a first name mentions only when no other agent shares it', () => {
    expect(ids('@aiko')).toEqual([1]);
    expect(ids('@Tanaka')).toEqual([]);
    expect(ids('@Lee @佐藤')).toEqual([3, 4]);
    expect(
      mentionedAgents(
        '@Aiko',
        agents.filter((a) => a.id !== 1),
      ).map((a) => a.id),
    ).toEqual([2]);
  });

  it('each agent once, nobody for text without mentions', () => {
    expect(ids('@lee @lead @LeeLead')).toEqual([4]);
    expect(ids('no mention here, x@y.test')).toEqual([]);
  });
});
