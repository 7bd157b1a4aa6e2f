import { describe, expect, it } from '@jest/globals';
import { wantedTimeText } from './copy';

describe('wantedTimeText', () => {
  it('says from when and about how long, never a range followed by 起', () => {
    const text = wantedTimeText('2026-11-25T10:00:00+08:00', 240);
    expect(text).toBe('11月25日 周三 10:00 起，约 4 小时');
    expect(text).not.toMatch(/–.*起/);
  });
});
