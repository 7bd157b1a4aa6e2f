import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { World } from './harness/world';

describe('weapp smoke', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.create();
  }, 300_000);
  afterAll(() => world?.close());

  it('a new WeChat user opens the app on the menu', async () => {
    const phone = await world.phone('o-new-user-0001');
    await phone.waitForText('宣讲');
    console.log(phone.text().slice(0, 800));
    console.log('missing', [...phone.missing], phone.errors, phone.missingTemplates);
    expect(phone.errors).toEqual([]);
  }, 60_000);
});
