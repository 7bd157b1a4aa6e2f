import { describe, expect, it } from '@jest/globals';
import { fieldType, fitValue, notifyConfigFromEnv, templateData } from './templates';

describe('template field values fit WeChat\'s limits', () => {
  it('cuts each type to its length, counting characters, not UTF-16 units', () => {
    const long = '弘扬劳模精神、劳动精神、工匠精神专题宣讲（第二期）';
    expect(Array.from(fitValue('thing', long))).toHaveLength(20);
    expect(fitValue('thing', long).endsWith('…')).toBe(true);
    expect(fitValue('thing', '短标题')).toBe('短标题');
    expect(Array.from(fitValue('thing', '𠀀'.repeat(30)))).toHaveLength(20); // astral characters count once
    expect(fitValue('phrase', '待确认')).toBe('待确认');
    expect(fitValue('phrase', '已转交工会管理员')).toBe('已转交工会');
    expect(fitValue('phrase', 'OK 已接单!')).toBe('已接单'); // Chinese only
    expect(fitValue('name', '欧阳娜娜娜娜娜娜娜娜娜')).toHaveLength(10);
    expect(fitValue('name', 'Alexander Hamilton-Smith')).toHaveLength(20); // letters: 20
    expect(fitValue('character_string', 'A'.repeat(40))).toHaveLength(32);
    expect(fitValue('character_string', '订单 12345')).toBe('12345');
    expect(fitValue('number', '第 42 号')).toBe('42');
    expect(fitValue('letter', 'abc123')).toBe('abc');
  });

  it('writes times and dates in Shanghai time, as WeChat shows them', () => {
    expect(fitValue('time', '2030-03-05T01:00:00.000Z')).toBe('2030年3月5日 09:00');
    expect(fitValue('date', '2030-03-04T17:00:00.000Z')).toBe('2030年3月5日');
    expect(fitValue('time', '下午三点')).toBe('下午三点');
  });

  it('never sends an empty value (WeChat refuses those too)', () => {
    expect(fitValue('thing', '  ')).toBe('无');
    expect(fitValue('phrase', 'abc')).toBe('无');
    expect(fitValue('character_string', '订单')).toBe('-');
  });

  it('fills a template from the facts by its field keys', () => {
    expect(fieldType('thing12')).toBe('thing');
    expect(fieldType('character_string3')).toBe('character_string');
    const data = templateData(
      { id: 't', fields: { thing1: 'title', time2: 'time', phrase3: 'status', name4: 'name', character_string5: 'orderId' } },
      { title: '大国工匠进校园：从学徒到工匠的三十年成长路', time: '2030-03-05T01:00:00.000Z', status: '已接单', name: '刘扬青', note: '', orderId: '1234', page: 'p' },
    );
    expect(data).toEqual({
      thing1: { value: '大国工匠进校园：从学徒到工匠的三十年成…' },
      time2: { value: '2030年3月5日 09:00' },
      phrase3: { value: '已接单' },
      name4: { value: '刘扬青' },
      character_string5: { value: '1234' },
    });
  });
});

describe('SUBSCRIBE_TEMPLATES', () => {
  it('reads kind → template; a kind left out is not configured', () => {
    const c = notifyConfigFromEnv({ SUBSCRIBE_TEMPLATES: JSON.stringify({ newOrder: { id: 'abc', fields: { thing1: 'title' } } }), SUBSCRIBE_STATE: 'trial' });
    expect(c).toEqual({ state: 'trial', templates: { newOrder: { id: 'abc', fields: { thing1: 'title' } } } });
    expect(notifyConfigFromEnv({})).toEqual({ state: 'formal', templates: {} });
  });

  it('refuses a malformed configuration at start, naming what is wrong', () => {
    expect(() => notifyConfigFromEnv({ SUBSCRIBE_TEMPLATES: '{' })).toThrow(/not JSON/);
    expect(() => notifyConfigFromEnv({ SUBSCRIBE_TEMPLATES: JSON.stringify({ newOrdr: { id: 'x', fields: {} } }) })).toThrow(/SUBSCRIBE_TEMPLATES/);
    expect(() => notifyConfigFromEnv({ SUBSCRIBE_TEMPLATES: JSON.stringify({ newOrder: { id: 'x', fields: { thing1: 'phone' } } }) })).toThrow(/newOrder\.fields\.thing1/);
  });
});
