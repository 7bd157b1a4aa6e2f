import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { Application, Me, Team } from '@cloud/contract';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import ApplyPage from './index';
import { emptyApply, orgsFromTeams, toApplyInput, validateApply } from './form';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const worker: Me = { id: '30', name: '陈晓东', roles: ['worker'], orgId: '2', orgName: '义乌市总工会', company: '义乌某五金厂' };

const team = (id: string, orgId: string, orgName: string): Team => ({
  id, name: `队伍${id}`, kind: 'service', intro: '', region: '', orgId, orgName, captainId: null, liaisonIds: [], memberIds: [],
});
const TEAMS = [team('1', '1', '杭州市总工会'), team('2', '2', '义乌市总工会'), team('3', '1', '杭州市总工会'), team('4', '4', '湖州市总工会')];

const application = (over: Partial<Application> = {}): Application => ({
  id: '77', userId: '30', name: '陈晓东', kinds: ['technician'], title: '义乌工匠', honours: ['金华市技术能手'], skills: ['模具'],
  regions: ['义乌市'], bio: '从事模具设计与制造二十年，带徒三十余人。', orgId: '2', orgName: '义乌市总工会', status: 'applied',
  reviewNote: null, appliedAt: '2025-11-20T02:00:00.000Z', ...over,
});

/** Answers the page's two loads: task.application and catalog.teams. */
function serve(app: Application | null) {
  callMock.mockImplementation(async (fn: string, action: string) => {
    if (fn === 'task' && action === 'application') return app;
    if (fn === 'catalog' && action === 'teams') return { items: TEAMS, total: TEAMS.length, page: 1, pageSize: 100 };
    throw new Error(`unexpected ${fn}.${action}`);
  });
}

const type = (el: Element | null, value: string) => fireEvent.change(el!, { target: { value } });
const addTag = (c: HTMLElement, cls: string, text: string) => {
  type(c.querySelector(`.${cls} .tag-input__field`), text);
  fireEvent.click(c.querySelector(`.${cls} .tag-input__add`)!);
};
const errorOf = (c: HTMLElement, field: string) => c.querySelector(`.form-field--${field} .form-field__error`)?.textContent ?? null;

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  callMock.mockReset();
  useStore.getState().login('tok', worker);
});
afterEach(() => cleanup());

describe('apply form rules', () => {
  it('asks for a kind, a skill, a region, a 10-character bio and an org', () => {
    expect(validateApply(emptyApply())).toEqual({
      kinds: '请选择宣讲或技术服务',
      skills: '请至少填写一项技能',
      regions: '请至少填写一个服务地区',
      bio: '请用至少 10 个字介绍自己',
      orgId: '请选择所属工会',
    });
    const ok = { ...emptyApply('2'), kinds: ['speaker' as const], skills: ['模具'], regions: ['义乌市'], bio: '  一二三四五六七八九十  ' };
    expect(validateApply(ok)).toEqual({});
    expect(validateApply({ ...ok, bio: '一二三四五六七八九' }).bio).toBe('请用至少 10 个字介绍自己');
    expect(validateApply({ ...ok, title: '称'.repeat(31) }).title).toBe('称号最多 30 字');
  });

  it('sends kinds in a fixed order and trims the texts', () => {
    const d = { ...emptyApply('2'), kinds: ['technician' as const, 'speaker' as const], title: ' 义乌工匠 ', skills: ['模具'], regions: ['义乌市'], bio: ' 二十年模具设计与制造经验 ' };
    expect(toApplyInput(d)).toEqual({
      kinds: ['speaker', 'technician'], title: '义乌工匠', honours: [], skills: ['模具'], regions: ['义乌市'], bio: '二十年模具设计与制造经验', orgId: '2',
    });
  });

  it('offers each union that runs a team once', () => {
    expect(orgsFromTeams(TEAMS)).toEqual([
      { value: '1', label: '杭州市总工会' },
      { value: '2', label: '义乌市总工会' },
      { value: '4', label: '湖州市总工会' },
    ]);
  });
});

describe('apply page', () => {
  it('checks locally, then submits task.apply and shows 审核中', async () => {
    serve(null);
    const { container, findByText } = render(<ApplyPage />);
    await waitFor(() => expect(container.querySelector('.apply-form')).not.toBeNull());
    // The user's own union is preselected.
    expect(container.querySelector('.apply-org [aria-checked="true"]')!.textContent).toBe('义乌市总工会');

    fireEvent.click(container.querySelector('.apply-submit')!);
    expect(errorOf(container, 'kinds')).toBe('请选择宣讲或技术服务');
    expect(errorOf(container, 'skills')).toBe('请至少填写一项技能');
    expect(errorOf(container, 'regions')).toBe('请至少填写一个服务地区');
    expect(errorOf(container, 'bio')).toBe('请用至少 10 个字介绍自己');
    expect(errorOf(container, 'orgId')).toBeNull();
    expect(container.querySelector('.apply-error')!.textContent).toBe('请按提示补充后再提交');
    expect(callMock).toHaveBeenCalledTimes(2); // only the loads

    fireEvent.click(container.querySelector('.apply-kinds [data-value="speaker"]')!);
    expect(errorOf(container, 'kinds')).toBeNull(); // editing a field clears its message
    type(container.querySelector('.apply-title'), '义乌工匠');
    addTag(container, 'apply-honours', '全国五一劳动奖章');
    addTag(container, 'apply-skills', '模具，注塑');
    addTag(container, 'apply-regions', '义乌市');
    type(container.querySelector('.apply-bio'), '从事模具设计与制造二十年，带徒三十余人。');

    callMock.mockImplementationOnce(async () => application({ kinds: ['speaker'] }));
    fireEvent.click(container.querySelector('.apply-submit')!);
    await findByText('审核中');
    expect(callMock).toHaveBeenLastCalledWith('task', 'apply', {
      kinds: ['speaker'], title: '义乌工匠', honours: ['全国五一劳动奖章'], skills: ['模具', '注塑'], regions: ['义乌市'],
      bio: '从事模具设计与制造二十年，带徒三十余人。', orgId: '2',
    });
    expect(container.querySelector('.apply-status')!.getAttribute('data-status')).toBe('applied');
    expect(container.querySelector('.apply-form')).toBeNull();
  });

  it('puts the server’s field messages next to their inputs and keeps the input', async () => {
    serve(null);
    const { container } = render(<ApplyPage />);
    await waitFor(() => expect(container.querySelector('.apply-form')).not.toBeNull());
    fireEvent.click(container.querySelector('.apply-kinds [data-value="technician"]')!);
    addTag(container, 'apply-skills', '模具');
    addTag(container, 'apply-regions', '义乌市');
    type(container.querySelector('.apply-bio'), '从事模具设计与制造二十年。');
    callMock.mockRejectedValueOnce(
      new ApiError('VALIDATION', '请检查填写的内容', { 'skills.0': '技能含有不允许的内容', orgId: '工会组织不存在' }),
    );
    fireEvent.click(container.querySelector('.apply-submit')!);
    await waitFor(() => expect(errorOf(container, 'skills')).toBe('技能含有不允许的内容'));
    expect(errorOf(container, 'orgId')).toBe('工会组织不存在');
    expect(errorOf(container, 'bio')).toBeNull();
    expect(container.querySelector('.apply-error')!.textContent).toBe('请检查填写的内容');
    expect((container.querySelector('.apply-bio') as HTMLTextAreaElement).value).toBe('从事模具设计与制造二十年。');
    expect(container.querySelector('.apply-skills [data-tag="模具"]')).not.toBeNull();
  });

  it('shows a rejection with its reason and offers the old application again', async () => {
    serve(application({ status: 'rejected', reviewNote: '请补充荣誉证明' }));
    const { container } = render(<ApplyPage />);
    await waitFor(() => expect(container.querySelector('.apply-status')).not.toBeNull());
    expect(container.querySelector('.apply-status')!.textContent).toContain('未通过');
    expect(container.querySelector('.apply-status')!.textContent).toContain('请补充荣誉证明');
    expect((container.querySelector('.apply-title') as HTMLInputElement).value).toBe('义乌工匠');
    expect(container.querySelector('.apply-skills [data-tag="模具"]')).not.toBeNull();
    expect(container.querySelector('.apply-submit')!.textContent).toBe('重新提交申报');
  });

  it('while under review shows the status and hides the form until 修改申报内容', async () => {
    serve(application());
    const { container } = render(<ApplyPage />);
    await waitFor(() => expect(container.querySelector('.apply-status')).not.toBeNull());
    expect(container.querySelector('.apply-form')).toBeNull();
    fireEvent.click(container.querySelector('.apply-edit')!);
    expect(container.querySelector('.apply-form')).not.toBeNull();
  });
});
