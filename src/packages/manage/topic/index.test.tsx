import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me, TopicDetail, VolunteerSummary } from '@cloud/contract';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import TopicEditorPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const admin: Me = { id: '2', name: '义乌管理员', roles: ['admin'], orgId: '2', orgName: '义乌市总工会', company: null };
const v = (id: string, name: string) => ({ id, name, kinds: ['speaker'], title: '', teamName: null }) as unknown as VolunteerSummary;

const topic: TopicDetail = {
  id: '12', title: '新时代劳模精神', summary: '讲劳模故事', category: 'laomo', categoryName: '劳模精神', durations: [60, 90],
  audience: '一线职工', venueTypes: ['enterprise'], volunteerIds: ['5'], orgId: '2', volunteers: [v('5', '王关根')],
};

function serve(saved: () => unknown = () => topic) {
  callMock.mockImplementation(async (fn: string, action: string, input: Record<string, unknown>) => {
    if (fn === 'admin' && action === 'orgs') return { items: [{ id: '2', name: '义乌市总工会', inScope: true }], total: 1, page: 1, pageSize: 20 };
    if (fn === 'catalog' && action === 'categories') return { items: [{ id: 'laomo', name: '劳模精神' }, { id: 'anquan', name: '安全生产' }], total: 2 };
    if (fn === 'catalog' && action === 'topic') return topic;
    if (fn === 'catalog' && action === 'volunteers') {
      const all = [v('5', '王关根'), v('7', '赵建国')];
      return { items: input.q ? all.filter((x) => x.name.includes(String(input.q))) : all, total: 2, page: 1, pageSize: 30 };
    }
    if (fn === 'admin' && action === 'saveTopic') return saved();
    throw new Error(`unexpected ${fn}.${action}`);
  });
}
const saveCalls = () => callMock.mock.calls.filter(([fn, a]) => fn === 'admin' && a === 'saveTopic');
const type = (el: Element | null, value: string) => fireEvent.change(el!, { target: { value } });

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  callMock.mockReset();
  useStore.getState().login('tok', admin);
});
afterEach(() => cleanup());

describe('topic editor page', () => {
  it('edits an existing topic and sends exactly the saveTopic input', async () => {
    setRouterParams({ id: '12' });
    serve();
    const { container, findByText } = render(<TopicEditorPage />);
    await waitFor(() => expect((container.querySelector('.topic-title') as HTMLInputElement).value).toBe('新时代劳模精神'));

    type(container.querySelector('.topic-title'), '新时代劳模精神宣讲');
    fireEvent.click(container.querySelector('.topic-category [data-value="anquan"]')!);
    fireEvent.click(container.querySelector('.topic-durations [data-value="90"]')!); // off
    fireEvent.click(container.querySelector('.topic-durations [data-value="45"]')!); // on
    fireEvent.click(container.querySelector('.topic-venues [data-value="online"]')!);
    fireEvent.click(container.querySelector('.topic-venues [data-value="school"]')!);
    // Add a speaker from the search sheet.
    fireEvent.click(container.querySelector('.volunteer-picker__add')!);
    fireEvent.click((await findByText('赵建国')).closest('.volunteer-option')!);
    fireEvent.click(container.querySelector('.volunteer-sheet__done')!);

    fireEvent.click(container.querySelector('.topic-save')!);
    await waitFor(() => expect(saveCalls()).toHaveLength(1));
    expect(saveCalls()[0]![2]).toEqual({
      id: '12', title: '新时代劳模精神宣讲', summary: '讲劳模故事', category: 'anquan', durations: [45, 60], audience: '一线职工',
      venueTypes: ['enterprise', 'school', 'online'], volunteerIds: ['5', '7'], active: true,
    });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/manage/topics/index' }));
  });

  it('shows the server’s field errors next to the inputs (volunteerIds.N under 宣讲人)', async () => {
    setRouterParams({});
    serve(() => {
      throw new ApiError('VALIDATION', '请检查填写的内容', { title: '标题已存在', 'volunteerIds.0': '该志愿者不是宣讲人' });
    });
    const { container } = render(<TopicEditorPage />);
    await waitFor(() => expect(container.querySelector('.topic-form')).not.toBeNull());
    fireEvent.click(container.querySelector('.topic-save')!);
    expect(container.querySelector('.form-field--title .form-field__error')!.textContent).toBe('标题至少 4 个字');
    expect(container.querySelector('.form-field--category .form-field__error')!.textContent).toBe('请选择分类');
    expect(saveCalls()).toHaveLength(0);

    type(container.querySelector('.topic-title'), '职工健康生活');
    fireEvent.click(container.querySelector('.topic-category [data-value="laomo"]')!);
    fireEvent.click(container.querySelector('.topic-save')!);
    await waitFor(() => expect(container.querySelector('.form-field--volunteerIds .form-field__error')?.textContent).toBe('该志愿者不是宣讲人'));
    expect(container.querySelector('.form-field--title .form-field__error')!.textContent).toBe('标题已存在');
    expect(container.querySelector('.topic-error')!.textContent).toBe('请检查填写的内容');
    expect(saveCalls()[0]![2]).not.toHaveProperty('id');
  });

  it('tells a non-admin politely instead of loading anything', () => {
    useStore.getState().login('tok', { ...admin, roles: ['worker'] });
    const { container } = render(<TopicEditorPage />);
    expect(container.textContent).toContain('仅对工会管理员开放');
    expect(callMock).not.toHaveBeenCalled();
  });
});
