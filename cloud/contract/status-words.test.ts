import { describe, expect, it } from '@jest/globals';
import { ORDER_KINDS, ORDER_STATUSES } from './order';
import { STATUS_WORDS, statusWord, whoWord, type StatusReader } from './status-words';

const READERS: StatusReader[] = ['requester', 'volunteer', 'admin', 'export'];

describe('one table of order status words', () => {
  it('has a word for every status and every reader', () => {
    expect(Object.keys(STATUS_WORDS).sort()).toEqual([...READERS].sort());
    for (const reader of READERS) {
      expect(Object.keys(STATUS_WORDS[reader]).sort()).toEqual([...ORDER_STATUSES].sort());
      for (const s of ORDER_STATUSES) expect(statusWord(s, reader)).toMatch(/^\S{2,6}$/);
    }
  });

  it('says 已婉拒 to requester, admin and export alike (admin lists said 已拒绝)', () => {
    for (const reader of READERS) expect(statusWord('declined', reader)).toBe('已婉拒');
    expect(Object.values(STATUS_WORDS.admin)).not.toContain('已拒绝');
  });

  it('admin and export never disagree: the export is what the admin saw', () => {
    expect(STATUS_WORDS.export).toEqual(STATUS_WORDS.admin);
  });

  it('has a who-line for every kind × status × reader, and only a pending order waits in the pool', () => {
    for (const kind of ORDER_KINDS) {
      for (const status of ORDER_STATUSES) {
        for (const reader of READERS) {
          const w = whoWord({ kind, status, volunteerName: null, teamName: null }, reader);
          expect(w.length).toBeGreaterThan(0);
          if (status !== 'pending') expect(w).not.toMatch(/抢单|待认领|接单/);
        }
      }
    }
  });

  it('a cancelled pool order is not 待认领 to the admin; a declined one is not 待宣讲人抢单 to the requester', () => {
    expect(whoWord({ kind: 'need', status: 'cancelled', volunteerName: null, teamName: null }, 'admin')).toBe('未指派');
    expect(whoWord({ kind: 'lecture', status: 'declined', volunteerName: null, teamName: null }, 'requester')).toBe('工会协调中');
    expect(whoWord({ kind: 'lecture', status: 'pending', volunteerName: null, teamName: null }, 'requester')).toBe('待宣讲人抢单');
    expect(whoWord({ kind: 'need', status: 'pending', volunteerName: null, teamName: null }, 'admin')).toBe('抢单池待认领');
    expect(whoWord({ kind: 'lecture', status: 'expired', volunteerName: null, teamName: null }, 'admin')).toBe('待派单');
    expect(whoWord({ kind: 'lecture', status: 'accepted', volunteerName: '张三', teamName: null }, 'admin')).toBe('志愿者 张三');
    expect(whoWord({ kind: 'service', status: 'pending', volunteerName: null, teamName: '王关根工匠数控技术服务队' }, 'requester')).toBe('王关根工匠数控技术服务队');
  });
});
