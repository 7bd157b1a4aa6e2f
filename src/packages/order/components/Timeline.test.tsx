import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render } from '@testing-library/react';
import type { TimelineEntry } from '@cloud/contract';
import { Timeline, readableNote } from './Timeline';

afterEach(() => cleanup());

const entries: TimelineEntry[] = [
  { at: '2026-11-23T02:00:00Z', from: null, to: 'pending', by: '12', byName: '王海涛', note: '点单：孔胜东' },
  { at: '2026-11-23T05:30:00Z', from: 'pending', to: 'accepted', by: '50', byName: '孔胜东', note: '' },
  { at: '2026-11-25T00:55:00Z', from: 'accepted', to: 'in_progress', by: '50', byName: '孔胜东', note: '现场签到' },
  { at: '2026-11-25T03:00:00Z', from: 'in_progress', to: 'completed', by: '50', byName: '孔胜东', note: '服务 50 人' },
  { at: '2026-11-26T01:00:00Z', from: 'completed', to: 'rated', by: '12', byName: '王海涛', note: '5 星：讲得好' },
];

describe('Timeline', () => {
  it('lists every change newest first with Chinese status names, who and Shanghai time', () => {
    const { container } = render(<Timeline entries={entries} />);
    const items = Array.from(container.querySelectorAll('.timeline-item'));
    expect(items).toHaveLength(5);
    expect(items.map((i) => i.querySelector('.timeline-item__status')!.textContent)).toEqual([
      '已评价', '已完成', '服务中', '已接单', '待接单',
    ]);
    expect(items[0]!.className).toContain('timeline-item--latest');
    expect(items[1]!.querySelector('.timeline-item__change')!.textContent).toBe('服务中 → 已完成');
    expect(items[4]!.querySelector('.timeline-item__change')!.textContent).toBe('提交订单 · 待接单');
    // 02:00Z is 10:00 in Shanghai.
    expect(items[4]!.querySelector('.timeline-item__meta')!.textContent).toBe('2026年11月23日 10:00 · 王海涛');
    expect(items[4]!.querySelector('.timeline-item__note')!.textContent).toBe('点单：孔胜东');
    expect(items[3]!.querySelector('.timeline-item__note')).toBeNull();
    expect(container.textContent).not.toMatch(/pending|accepted|in_progress|completed|rated/);
  });

  it('names the side exits and the system', () => {
    const { container } = render(
      <Timeline
        entries={[
          { at: '2026-11-23T02:00:00Z', from: null, to: 'pending', by: '12', byName: '王海涛', note: '' },
          { at: '2026-11-24T02:00:00Z', from: 'pending', to: 'expired', by: null, byName: '', note: '超时未接单，已转交工会' },
          { at: '2026-11-24T03:00:00Z', from: 'expired', to: 'declined', by: '50', byName: '孔胜东', note: '时间冲突' },
          { at: '2026-11-24T04:00:00Z', from: 'declined', to: 'cancelled', by: '12', byName: '王海涛', note: '活动取消' },
        ]}
      />,
    );
    const names = Array.from(container.querySelectorAll('.timeline-item__status')).map((e) => e.textContent);
    expect(names).toEqual(['已取消', '已婉拒', '已超时', '待接单']);
    expect(container.querySelectorAll('.timeline-item__meta')[2]!.textContent).toContain('系统');
  });

  it('keeps steps of the same moment in the order they happened', () => {
    const at = '2026-11-26T06:39:00+08:00';
    const { container } = render(
      <Timeline
        entries={[
          { at: '2026-11-23T00:55:00+08:00', from: null, to: 'pending', by: '19', byName: '陈国平', note: '' },
          { at, from: 'accepted', to: 'in_progress', by: '57', byName: '周立军', note: '已签到' },
          { at, from: 'in_progress', to: 'completed', by: '57', byName: '周立军', note: '部分解决' },
        ]}
      />,
    );
    expect(Array.from(container.querySelectorAll('.timeline-item__status')).map((e) => e.textContent)).toEqual([
      '已完成', '服务中', '待接单',
    ]);
  });

  it('shows ISO times inside notes as Shanghai time', () => {
    expect(readableNote('改期至 2026-11-27T01:30:00.000Z')).toBe('改期至 2026年11月27日 09:30');
    expect(readableNote('改期至 2026-11-27T09:30:00+08:00')).toBe('改期至 2026年11月27日 09:30');
  });

  it('says there is nothing yet for an empty list', () => {
    const { container } = render(<Timeline entries={[]} />);
    expect(container.querySelectorAll('.timeline-item')).toHaveLength(0);
    expect(container.textContent).toBe('暂无记录');
  });
});
