import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble } from '../../../tests/doubles/taro';
import type { TopicSummary } from '@cloud/contract';
import { TopicCard } from './index';

const topic: TopicSummary = {
  id: '42',
  title: '从学徒到大国工匠：我的数控人生',
  summary: '讲述一线技术工人成长为全国劳模的经历。',
  category: 'gongjiang',
  categoryName: '工匠精神',
  durations: [90, 45, 60],
  audience: '一线职工',
  venueTypes: ['enterprise', 'workshop'],
  volunteerIds: ['1', '2', '3'],
  orgId: '1',
};

beforeEach(() => resetTaroDouble());
afterEach(() => cleanup());

describe('TopicCard', () => {
  it('shows title, category, sorted durations and speaker count', () => {
    const { container } = render(<TopicCard topic={topic} />);
    const card = container.querySelector('.topic-card')!;
    expect(card.textContent).toContain('从学徒到大国工匠：我的数控人生');
    expect(card.querySelector('.topic-card__category')!.textContent).toBe('工匠精神');
    expect(card.querySelector('.topic-card__durations')!.textContent).toBe('45/60/90 分钟');
    expect(card.querySelector('.topic-card__speakers')!.textContent).toBe('3 位宣讲人');
  });

  it('says so when nobody offers the topic yet', () => {
    const { container } = render(<TopicCard topic={{ ...topic, volunteerIds: [] }} />);
    expect(container.querySelector('.topic-card__speakers')!.textContent).toBe('暂无宣讲人');
  });

  it('opens the topic page in the menu subpackage', () => {
    const { container } = render(<TopicCard topic={topic} />);
    fireEvent.click(container.querySelector('.topic-card')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/menu/topic/index?id=42' });
  });
});
