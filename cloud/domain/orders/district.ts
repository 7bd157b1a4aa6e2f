/**
 * The district part of a Chinese address — 市, 区/县 and 街道/镇/乡 as far as the address starts
 * with them — e.g. 「杭州市临安区锦南街道」 from 「杭州市临安区锦南街道华力路 8 号」. A volunteer asked
 * to take an order sees this much, to judge the journey, before they may see the exact address.
 * Road, number and building never come out: each part stops at 路/街/号 and digits.
 */
const DISTRICT = /^(?:[^\s\d省市区县]{2,7}省)?((?:[^\s\d省市区县]{2,7}市)?(?:[^\s\d省市区县路街号]{1,7}[区县])?(?:[^\s\d省市区县路街号镇乡]{1,7}(?:街道|镇|乡))?)/;

export function districtOf(address: string | null | undefined): string | null {
  const part = address?.trim().match(DISTRICT)?.[1] ?? '';
  // Without a city or a county the match says nothing reliable (e.g. 「测试车间一号」).
  return /[市区县]/.test(part) ? part : null;
}
