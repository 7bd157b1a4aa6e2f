import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { VolunteerSummary } from '@cloud/contract';
import { call as mockedCall } from '@/services/api';
import { candidateSource, loadCandidates, sourceLabel } from './dispatch';

jest.mock('@/services/api', () => ({ ...jest.requireActual<object>('@/services/api'), call: jest.fn() }));
const call = mockedCall as unknown as jest.Mock<(...args: any[]) => any>;

const vol = (id: string, name: string): VolunteerSummary => ({
  id, userId: `u${id}`, orgId: '2', name, kinds: ['technician'], title: '', teamId: null, teamName: null, teamRole: null,
  skills: [], honours: [], regions: [], rating: null, ratingCount: 0, ordersDone: 0, serviceHours: 0,
});
const base = { topicId: null, serviceId: null, teamId: null, field: null };

describe('candidateSource: who is suitable, per order kind', () => {
  it('lecture → the topic’s speakers', () => {
    expect(candidateSource({ ...base, kind: 'lecture', topicId: '12' })).toEqual({ from: 'topic', id: '12' });
  });
  it('service → the service’s technicians, or the team for a team order', () => {
    expect(candidateSource({ ...base, kind: 'service', serviceId: '7', teamId: '3' })).toEqual({ from: 'service', id: '7' });
    expect(candidateSource({ ...base, kind: 'service', teamId: '3' })).toEqual({ from: 'team', id: '3' });
  });
  it('need → technicians by the need’s field (all technicians without one)', () => {
    expect(candidateSource({ ...base, kind: 'need', field: ' 数控 ' })).toEqual({ from: 'volunteers', kind: 'technician', skill: '数控' });
    expect(candidateSource({ ...base, kind: 'need' })).toEqual({ from: 'volunteers', kind: 'technician' });
    expect(sourceLabel(candidateSource({ ...base, kind: 'need', field: '焊接' }))).toBe('擅长「焊接」的技术人员');
  });
});

describe('loadCandidates', () => {
  beforeEach(() => {
    call.mockReset();
  });

  it('asks catalog.topic for a lecture and answers its volunteers', async () => {
    call.mockResolvedValueOnce({ id: '12', volunteers: [vol('1', '张三')] });
    const res = await loadCandidates({ ...base, kind: 'lecture', topicId: '12' });
    expect(call).toHaveBeenCalledWith('catalog', 'topic', { id: '12' });
    expect(res.items.map((v) => v.name)).toEqual(['张三']);
  });

  it('asks catalog.service for a service', async () => {
    call.mockResolvedValueOnce({ id: '7', volunteers: [vol('2', '李四')] });
    await loadCandidates({ ...base, kind: 'service', serviceId: '7' });
    expect(call).toHaveBeenCalledWith('catalog', 'service', { id: '7' });
  });

  it('asks catalog.volunteers by skill for a need, and falls back to all technicians when nobody has it', async () => {
    call.mockResolvedValueOnce({ items: [], total: 0, page: 1, pageSize: 100 });
    call.mockResolvedValueOnce({ items: [vol('3', '王五')], total: 1, page: 1, pageSize: 100 });
    const res = await loadCandidates({ ...base, kind: 'need', field: '污水处理' });
    expect(call).toHaveBeenNthCalledWith(1, 'catalog', 'volunteers', { kind: 'technician', skill: '污水处理', pageSize: 100 });
    expect(call).toHaveBeenNthCalledWith(2, 'catalog', 'volunteers', { kind: 'technician', pageSize: 100 });
    expect(res.items.map((v) => v.id)).toEqual(['3']);
    expect(res.note).toContain('暂无擅长「污水处理」');
  });
});
