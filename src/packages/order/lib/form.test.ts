import { describe, expect, it } from '@jest/globals';
import { ApiError } from '@/services/api';
import { emptyDraft } from './draft';
import { fieldErrorsOf, toCreateInput, unplacedErrors, validateBooking } from './form';
import { REQUEST_ID_PATTERN, newRequestId } from './requestId';

const now = Date.parse('2026-11-23T10:00:00+08:00');
const ctx = { kind: 'lecture' as const, venueTypes: ['enterprise', 'online'] as const, durations: [45, 60], now };

describe('booking form rules', () => {
  it('names every missing field with the keys the server uses', () => {
    const e = validateBooking(emptyDraft({ topicId: '9' }), { ...ctx, venueTypes: [...ctx.venueTypes] });
    expect(Object.keys(e).sort()).toEqual(['contactPhone', 'durationMin', 'start', 'venue.type']);
  });

  it('asks for a link when online and an address otherwise', () => {
    const base = emptyDraft({
      topicId: '9', durationMin: 60, start: '2026-11-25T09:00:00+08:00', contactPhone: '13800001111',
    });
    expect(validateBooking({ ...base, venue: { type: 'online', address: '', link: 'zoom' } }, { ...ctx, venueTypes: [...ctx.venueTypes] }))
      .toEqual({ 'venue.link': '请填写以 http(s):// 开头的会议链接' });
    expect(validateBooking({ ...base, venue: { type: 'enterprise', address: '杭州', link: '' } }, { ...ctx, venueTypes: [...ctx.venueTypes] }))
      .toEqual({ 'venue.address': '请填写详细地址（至少 4 个字）' });
    expect(validateBooking({ ...base, venue: { type: 'enterprise', address: '杭州市滨江区', link: '' } }, { ...ctx, venueTypes: [...ctx.venueTypes] }))
      .toEqual({});
  });

  it('sends only the venue part that matters and the draft request id', () => {
    const d = emptyDraft({
      topicId: '9', volunteerId: '5', durationMin: 60, start: '2026-11-25T09:00:00+08:00', contactPhone: ' 0579-85123456 ',
      venue: { type: 'online', address: '旧地址', link: 'https://meeting.example/1' }, headcount: '40',
    });
    expect(toCreateInput(d, 'lecture')).toEqual({
      kind: 'lecture', topicId: '9', volunteerId: '5', start: '2026-11-25T09:00:00+08:00', durationMin: 60,
      venue: { type: 'online', link: 'https://meeting.example/1' }, contactPhone: '0579-85123456', headcount: 40,
      requestId: d.requestId,
    });
  });

  it('maps server field errors onto inputs and keeps the unknown ones for the banner', () => {
    const err = new ApiError('VALIDATION', '输入有误', {
      contactPhone: '请填写正确的手机号或座机号', 'venue.address': '地址太短', 'photos.2': '照片需先上传', kind: '不支持',
    });
    const f = fieldErrorsOf(err);
    expect(f).toEqual({ contactPhone: '请填写正确的手机号或座机号', 'venue.address': '地址太短', photos: '照片需先上传', kind: '不支持' });
    expect(unplacedErrors(f, ['contactPhone', 'venue.address', 'photos'])).toEqual(['不支持']);
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});

describe('request ids', () => {
  it('fit the contract and differ per fill', () => {
    const a = newRequestId();
    const b = newRequestId();
    expect(a).toMatch(REQUEST_ID_PATTERN);
    expect(a).not.toBe(b);
    expect(emptyDraft().requestId).toMatch(REQUEST_ID_PATTERN);
  });
});
