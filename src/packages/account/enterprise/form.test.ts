import { describe, expect, it } from '@jest/globals';
import { toEnterpriseInput, validateEnterprise } from './form';

describe('enterprise application form', () => {
  const ok = { company: '小米科技有限责任公司', creditCode: '9111 0108 5513 8508 2q', orgId: '3', address: '' };

  it('checks the credit code with its GB 32100 check character, as the server does', () => {
    expect(validateEnterprise(ok)).toEqual({});
    expect(validateEnterprise({ ...ok, creditCode: '91110108551385082F' })).toEqual({ creditCode: '统一社会信用代码不正确，请核对 18 位代码' });
    expect(validateEnterprise({ ...ok, creditCode: '' })).toEqual({ creditCode: '请填写 18 位统一社会信用代码' });
  });

  it('asks for the company and the union', () => {
    expect(validateEnterprise({ ...ok, company: ' ', orgId: null })).toEqual({ company: '请填写企业全称', orgId: '请选择所在地工会' });
  });

  it('sends the code as stored and leaves an empty address out', () => {
    expect(toEnterpriseInput(ok)).toEqual({ company: '小米科技有限责任公司', creditCode: '91110108551385082Q', orgId: '3' });
  });
});
