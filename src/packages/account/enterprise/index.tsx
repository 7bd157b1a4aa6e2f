import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { EnterpriseApplication, FieldErrors } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useStore } from '@/stores';
import { StateView } from '@/components/StateView';
import { OrgPicker } from '@/components/OrgPicker';
import { useOrgs } from '@/components/OrgPicker/useOrgs';
import { ProfileSheet } from '@/components/ProfileSheet';
import { needsProfile } from '@/components/ProfileSheet/form';
import { formatDateTime } from '@/utils/time';
import { ENTERPRISE_STATUS_TEXT, toEnterpriseInput, validateEnterprise, type EnterpriseDraft } from './form';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

function Status({ a }: { a: EnterpriseApplication }) {
  return (
    <View className="card enterprise-status" data-status={a.status}>
      <View className="acct-item__head">
        <Text className="acct-item__name">{a.company}</Text>
        <Text className={`acct__status acct__status--${a.status}`}>{ENTERPRISE_STATUS_TEXT[a.status]}</Text>
      </View>
      <Text className="acct-item__line">统一社会信用代码 {a.creditCode} · {a.orgName}</Text>
      <Text className="acct-item__line">{formatDateTime(a.createdAt)} 提交</Text>
      {a.status === 'applied' && <Text className="acct__text">工会管理员审核后，结果会发到消息中心。</Text>}
      {a.status === 'approved' && <Text className="acct__text">您已是该企业的联系人，可以预约技术服务、发布需求。</Text>}
      {a.status === 'rejected' && <Text className="acct__text enterprise-status__reason">驳回理由：{a.reason ?? '未说明'}。可修改后重新申请。</Text>}
    </View>
  );
}

/** 企业认证: the company, its 统一社会信用代码 and the union that vouches for it; then where it stands. */
export default function EnterprisePage() {
  const elder = useRootClass('');
  const user = useStore((s) => s.user);
  const mine = useAsync(() => call('auth', 'enterpriseApplication', {}), []);
  const orgs = useOrgs();
  const [draft, setDraft] = useState<EnterpriseDraft>({ company: user?.company ?? '', creditCode: '', orgId: user?.orgId ?? null, address: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const set = <K extends keyof EnterpriseDraft>(k: K, v: EnterpriseDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => {
      const { [k]: _gone, ...rest } = e;
      return rest;
    });
  };

  const submit = async () => {
    if (busyRef.current) return;
    setBanner(null);
    const found = validateEnterprise(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await call('auth', 'applyEnterprise', toEnterpriseInput(draft));
      void Taro.showToast({ title: '已提交，请等待审核', icon: 'none' });
      await mine.reload();
    } catch (err) {
      if (err instanceof ApiError && err.fields && Object.keys(err.fields).length) setErrors(err.fields);
      else setBanner(errorMessage(err));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  if (user && needsProfile(user)) {
    return (
      <View className={`acct enterprise${elder}`}>
        <ProfileSheet user={user} hint="申请企业认证前，请先完善个人资料，方便工会管理员与您核实。" />
      </View>
    );
  }

  const application = mine.data;
  const canApply = !user?.roles.includes('enterprise') && application?.status !== 'applied';
  const row = (k: string) => `acct-field acct-field--${k}${errors[k] ? ' acct-field--error' : ''}`;
  const err = (k: string) => (errors[k] ? <Text className="acct-field__error">{errors[k]}</Text> : null);

  return (
    <View className={`acct enterprise${elder}`}>
      <StateView loading={mine.status === 'loading' && !mine.data} error={mine.error} onRetry={() => void mine.reload()} skeletonRows={1}>
        {application && <Status a={application} />}
        {banner && <Text className="acct__banner enterprise__error">{banner}</Text>}
        {canApply && (
          <View className="card enterprise-form">
            <Text className="acct__title">申请成为企业联系人</Text>
            <Text className="acct__text">所在地工会管理员核实后，您可以代表企业预约技术服务、发布需求。</Text>
            <View className={row('company')}>
              <Text className="acct-field__label">企业全称<Text className="acct-field__req">*</Text></Text>
              <Input className="acct__input enterprise__company" value={draft.company} maxlength={60} placeholder="与营业执照一致" onInput={(e) => set('company', e.detail.value)} />
              {err('company')}
            </View>
            <View className={row('creditCode')}>
              <Text className="acct-field__label">统一社会信用代码<Text className="acct-field__req">*</Text></Text>
              <Input className="acct__input enterprise__credit" value={draft.creditCode} maxlength={22} placeholder="18 位，见营业执照" onInput={(e) => set('creditCode', e.detail.value)} />
              {err('creditCode')}
            </View>
            <View className={row('orgId')}>
              <Text className="acct-field__label">所在地工会<Text className="acct-field__req">*</Text></Text>
              <StateView loading={orgs.status === 'loading' && !orgs.data} error={orgs.error} onRetry={() => void orgs.reload()} skeletonRows={1}>
                <OrgPicker orgs={orgs.data ?? []} value={draft.orgId} onChange={(id) => set('orgId', id)} />
              </StateView>
              {err('orgId')}
            </View>
            <View className={row('address')}>
              <Text className="acct-field__label">企业地址</Text>
              <Input className="acct__input enterprise__address" value={draft.address} maxlength={100} placeholder="选填" onInput={(e) => set('address', e.detail.value)} />
              {err('address')}
            </View>
            <View className="acct__actions">
              <View className={`btn btn--primary enterprise__submit${busy ? ' btn--disabled' : ''}`} onClick={() => void submit()}>
                {busy ? '提交中…' : '提交申请'}
              </View>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}
