import { expect } from '@jest/globals';
import type { Phone } from './phone';
import { classesOf, textOf } from './tree';

/** A journey must end with no console error, no API and no template missing on the phone. */
export function expectClean(phone: Phone): void {
  phone.nodes();
  expect({ errors: phone.errors, missingApis: [...phone.missing], missingTemplates: phone.missingTemplates }).toEqual({ errors: [], missingApis: [], missingTemplates: [] });
}

/**
 * From the menu to a submitted booking, as a user taps it: the topic card, 预约宣讲, 60 minutes,
 * the first free day and start, an enterprise venue. Ends on the order's detail page.
 */
export async function bookLectureFromMenu(phone: Phone, topic: string, venue: { address: string; phone: string }): Promise<{ orderId: string; clock: string }> {
  await phone.waitForText(topic);
  await phone.tap(topic);
  expect(phone.route).toBe('packages/menu/topic/index');
  await phone.waitForText('预约宣讲');
  await phone.tap('预约宣讲');
  expect(phone.route).toBe('packages/order/book/index');
  await phone.waitForText('可约时间');
  await phone.tap('60 分钟');
  await phone.tap(phone.byClass('slot-day').find((n) => !classesOf(n).includes('slot-day--more')));
  const clock = textOf(phone.byClass('slot-start__clock')[0]!);
  await phone.tap(phone.byClass('slot-start')[0]);
  await phone.tap('企业');
  await phone.type('详细地址', venue.address);
  await phone.type('联系电话', venue.phone);
  await phone.tap('下一步：确认信息');
  await phone.waitForClass('book-confirm');
  expect(phone.text()).toContain(clock);
  expect(phone.text()).toContain(venue.address);
  await phone.tap(phone.byClass('book-submit')[0]);
  if (phone.route === 'packages/account/profile/index') {
    // A first-time user: the profile first, then back on the confirm step to submit again.
    await completeProfile(phone, { name: '张晓明', mobile: venue.phone });
    expect(phone.route).toBe('packages/order/book/index');
    await phone.tap(phone.byClass('book-submit')[0]);
  }
  await phone.waitForText('等待');
  expect(phone.route).toBe('packages/order/detail/index');
  return { orderId: phone.page.options.id!, clock };
}

/** The profile page as a user fills it: name, mobile, the union (浙江省总工会 → 杭州市总工会), 保存资料. */
export async function completeProfile(phone: Phone, who: { name: string; mobile: string }): Promise<void> {
  await phone.waitForText('所属工会');
  await phone.type(phone.byClass('profile-sheet__name')[0]!, who.name);
  await phone.type(phone.byClass('profile-sheet__phone')[0]!, who.mobile);
  for (const name of ['浙江省总工会', '杭州市总工会']) {
    const option = phone.byClass('org-picker__option').find((n) => textOf(n).includes(name));
    if (option) await phone.tap(option);
  }
  await phone.tap(phone.byClass('profile-sheet__save')[0]);
  await phone.settle();
  expect(phone.lastToast()).toBe('资料已保存');
}
