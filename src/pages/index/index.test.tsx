import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { resetTaroDouble, triggerPageEvent } from '../../../tests/doubles/taro';
import type { Category, Page, TopicSummary } from '@cloud/contract';
import Taro from '@tarojs/taro';
import { ApiError, call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import { UNION_PHONE } from '@/utils/union-phone';
import MenuHome from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const categories: Page<Category> = {
  items: [
    { id: 'laomo', name: '劳模精神', topicCount: 6 },
    { id: 'gongjiang', name: '工匠精神', topicCount: 5 },
    { id: 'laodong', name: '劳动精神', topicCount: 5 },
    { id: 'jineng', name: '技能培训', topicCount: 6 },
    { id: 'anquan', name: '安全生产', topicCount: 5 },
    { id: 'zhengce', name: '政策法规', topicCount: 5 },
    { id: 'jiankang', name: '健康生活', topicCount: 5 },
    { id: 'shehui', name: '社会服务', topicCount: 5 },
  ],
  total: 8,
  page: 1,
  pageSize: 20,
};

const topic = (id: number, category: TopicSummary['category'] = 'anquan'): TopicSummary => ({
  id: String(id),
  title: `主题${id}`,
  summary: '',
  category,
  categoryName: category === 'anquan' ? '安全生产' : '劳模精神',
  durations: [45, 60],
  audience: '职工',
  venueTypes: ['workshop'],
  volunteerIds: ['1'],
  orgId: '1',
});

type Topics = (input: { category?: string; q?: string; page?: number }) => Promise<Page<TopicSummary>>;

function serve(topics: Topics) {
  callMock.mockImplementation((fn: string, action: string, input: never) => {
    if (fn === 'catalog' && action === 'categories') return Promise.resolve(categories);
    if (fn === 'catalog' && action === 'topics') return topics(input);
    return Promise.reject(new Error(`unexpected ${fn}.${action}`));
  });
}

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  callMock.mockReset();
});
afterEach(() => cleanup());

describe('menu home', () => {
  it('shows the eight categories and the first page of topics', async () => {
    serve(async () => ({ items: [topic(1), topic(2)], total: 2, page: 1, pageSize: 10 }));
    const { container } = render(<MenuHome />);
    await waitFor(() => expect(container.querySelectorAll('.topic-card')).toHaveLength(2));
    expect(container.querySelectorAll('.category-item')).toHaveLength(8);
    expect(container.querySelector('.category-item')!.textContent).toContain('劳模精神');
    expect(container.querySelector('.category-item')!.textContent).toContain('6 个主题');
    expect(container.textContent).toContain('共 2 个');
    expect(container.querySelector('.list-footer')!.textContent).toContain('没有更多了');
  });

  it('filters by the category tapped in the grid', async () => {
    serve(async ({ category }) =>
      category === 'laomo'
        ? { items: [topic(7, 'laomo')], total: 1, page: 1, pageSize: 10 }
        : { items: [topic(1), topic(2)], total: 2, page: 1, pageSize: 10 },
    );
    const { container } = render(<MenuHome />);
    await waitFor(() => expect(container.querySelectorAll('.topic-card')).toHaveLength(2));
    fireEvent.click(container.querySelector('.category-item[data-id="laomo"]')!);
    await waitFor(() => expect(container.querySelectorAll('.topic-card')).toHaveLength(1));
    expect(callMock).toHaveBeenCalledWith('catalog', 'topics', expect.objectContaining({ category: 'laomo', page: 1 }));
    expect(container.querySelector('.category-item--active')!.textContent).toContain('劳模精神');
    expect(container.querySelector('.home__list-title')!.textContent).toBe('劳模精神');
  });

  it('a search looks in every category: 孔胜东 is found while 安全生产 was chosen, and 全部 lights up', async () => {
    serve(async ({ category, q }) => {
      if (q === '孔胜东') return category ? { items: [], total: 0, page: 1, pageSize: 10 } : { items: [topic(9, 'laomo')], total: 1, page: 1, pageSize: 10 };
      return { items: [topic(1), topic(2)], total: 2, page: 1, pageSize: 10 };
    });
    const { container } = render(<MenuHome />);
    await waitFor(() => expect(container.querySelectorAll('.topic-card')).toHaveLength(2));
    fireEvent.click(container.querySelector('.category-item[data-id="anquan"]')!);
    await waitFor(() => expect(container.querySelector('.filter-chips__item--active')!.textContent).toBe('安全生产'));
    const box = container.querySelector('.topic-search input')!;
    fireEvent.change(box, { target: { value: '孔胜东' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(container.querySelectorAll('.topic-card')).toHaveLength(1));
    expect(callMock).toHaveBeenLastCalledWith('catalog', 'topics', expect.objectContaining({ q: '孔胜东', category: undefined }));
    expect(container.querySelector('.filter-chips__item--active')!.textContent).toBe('全部');
    expect(container.querySelector('.category-item--active')).toBeNull();
    expect(container.querySelector('.home__list-title')!.textContent).toBe('全部分类中搜索“孔胜东”');

    // Narrowing afterwards says where it searches (the typing pause that reports the same text
    // again must not undo it), and offers all categories again.
    fireEvent.click(container.querySelector('.filter-chips__item[data-value="anquan"]')!);
    await new Promise((r) => setTimeout(r, 500));
    await waitFor(() => expect(container.querySelector('.home__list-title')!.textContent).toBe('在「安全生产」中搜索“孔胜东”'));
    fireEvent.click(container.querySelector('.home__search-all')!);
    await waitFor(() => expect(container.querySelectorAll('.topic-card')).toHaveLength(1));
    expect(container.querySelector('.filter-chips__item--active')!.textContent).toBe('全部');
  });

  it('loads the next page when scrolled to the bottom', async () => {
    serve(async ({ page = 1 }) => ({
      items: page === 1 ? Array.from({ length: 10 }, (_, i) => topic(i + 1)) : [topic(11), topic(12)],
      total: 12,
      page,
      pageSize: 10,
    }));
    const { container } = render(<MenuHome />);
    await waitFor(() => expect(container.querySelectorAll('.topic-card')).toHaveLength(10));
    act(() => triggerPageEvent('reachBottom'));
    await waitFor(() => expect(container.querySelectorAll('.topic-card')).toHaveLength(12));
    expect(callMock).toHaveBeenCalledWith('catalog', 'topics', expect.objectContaining({ page: 2 }));
    expect(container.querySelector('.list-footer')!.textContent).toContain('没有更多了');
  });

  it('shows an empty state when no topic matches', async () => {
    serve(async () => ({ items: [], total: 0, page: 1, pageSize: 10 }));
    const { container } = render(<MenuHome />);
    await waitFor(() => expect(container.querySelector('.state-view--empty')).not.toBeNull());
    expect(container.querySelectorAll('.topic-card')).toHaveLength(0);
  });

  it('shows the error and recovers on retry', async () => {
    let fail = true;
    serve(async () => {
      if (fail) throw new ApiError('NETWORK', '网络不可用，请稍后重试');
      return { items: [topic(1)], total: 1, page: 1, pageSize: 10 };
    });
    const { container, getByText } = render(<MenuHome />);
    await waitFor(() => expect(container.querySelector('.state-view--error')).not.toBeNull());
    expect(container.querySelector('.state-view--error')!.textContent).toContain('网络不可用，请稍后重试');
    fail = false;
    fireEvent.click(getByText('重试'));
    await waitFor(() => expect(container.querySelectorAll('.topic-card')).toHaveLength(1));
  });

  it('长辈模式: search, the eight categories, 我的订单 and a call to the union; no hero line, entries or chips', async () => {
    serve(async () => ({ items: [topic(1)], total: 1, page: 1, pageSize: 10 }));
    const normal = render(<MenuHome />);
    await waitFor(() => expect(normal.container.querySelectorAll('.category-item:not(.category-item--placeholder)')).toHaveLength(8));
    expect(normal.container.querySelector('.home__big--call')).toBeNull();
    expect(normal.container.querySelector('.filter-chips')).not.toBeNull();
    normal.unmount();

    useStore.getState().setElder(true);
    useStore.getState().login('tok', { id: '3', name: '王海涛', roles: ['worker'], orgId: '2', orgName: '杭州市总工会', company: null });
    const { container: c } = render(<MenuHome />);
    expect(c.firstElementChild!.className).toBe('home elder');
    await waitFor(() => expect(c.querySelectorAll('.category-item:not(.category-item--placeholder)')).toHaveLength(8));
    expect(c.querySelector('.search-input')).not.toBeNull();
    expect(c.querySelector('.home__entry')).toBeNull();
    expect(c.querySelector('.home__subtitle')).toBeNull();
    expect(c.querySelector('.filter-chips')).toBeNull();
    fireEvent.click(c.querySelector('.home__big--orders')!);
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/orders/index' });
    const callBtn = c.querySelector('.home__big--call')!;
    expect(callBtn.textContent).toBe('给杭州市总工会打电话');
    fireEvent.click(callBtn);
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: UNION_PHONE });
  });
});
