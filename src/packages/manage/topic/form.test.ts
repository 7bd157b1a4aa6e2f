import { describe, expect, it } from '@jest/globals';
import type { TopicDetail, VolunteerSummary } from '@cloud/contract';
import { emptyTopic, toSaveTopicInput, topicToDraft, validateTopic, type TopicDraft } from './form';

const speaker = (id: string, name: string) => ({ id, name }) as VolunteerSummary;

const detail: TopicDetail = {
  id: '12', title: '新时代劳模精神', summary: '讲劳模故事', category: 'laomo', categoryName: '劳模精神', durations: [90, 30, 60],
  audience: '一线职工', venueTypes: ['school', 'enterprise'], volunteerIds: ['5', '8'], orgId: '1',
  volunteers: [speaker('8', '李娟'), speaker('5', '王关根')],
};

const draft = (over: Partial<TopicDraft> = {}): TopicDraft => ({ ...emptyTopic(), title: '安全生产十讲', category: 'anquan', ...over });

describe('topic editor serialisation', () => {
  it('a new topic: no id, trimmed texts, durations ascending and unique, venues in contract order', () => {
    expect(
      toSaveTopicInput(draft({
        title: '  安全生产十讲 ',
        summary: ' 从事故案例讲起 ',
        durations: [120, 45, 60, 45],
        audience: ' 班组长 ',
        venueTypes: ['online', 'workshop', 'enterprise'],
        speakers: [{ id: '9', name: '张三' }, { id: '3', name: '李四' }, { id: '9', name: '张三' }],
      })),
    ).toEqual({
      title: '安全生产十讲',
      summary: '从事故案例讲起',
      category: 'anquan',
      durations: [45, 60, 120],
      audience: '班组长',
      venueTypes: ['enterprise', 'workshop', 'online'],
      volunteerIds: ['9', '3'],
      active: true,
    });
  });

  it('an existing topic round-trips with its id, its unusual durations and speaker names', () => {
    const d = topicToDraft(detail);
    expect(d.speakers).toEqual([{ id: '5', name: '王关根' }, { id: '8', name: '李娟' }]);
    expect(toSaveTopicInput({ ...d, active: false })).toEqual({
      id: '12', title: '新时代劳模精神', summary: '讲劳模故事', category: 'laomo', durations: [30, 60, 90], audience: '一线职工',
      venueTypes: ['enterprise', 'school'], volunteerIds: ['5', '8'], active: false,
    });
  });

  it('refuses to serialise a draft without a category', () => {
    expect(() => toSaveTopicInput(draft({ category: null }))).toThrow(/category/);
  });
});

describe('topic editor rules', () => {
  it('mirrors the server: title 4–60, a category, at least one duration', () => {
    expect(validateTopic(draft())).toEqual({});
    expect(validateTopic(draft({ title: ' 安全 ', category: null, durations: [] }))).toEqual({
      title: '标题至少 4 个字',
      category: '请选择分类',
      durations: '至少提供一种时长',
    });
    expect(validateTopic(draft({ title: '题'.repeat(61) })).title).toBe('标题最多 60 字');
  });
});
