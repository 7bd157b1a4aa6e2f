import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import type { AccountUser, EnterpriseApplicationForAdmin, Invite, RevocableRole, Role } from '@cloud/contract';
import { call, errorMessage } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useDebounced } from '@/hooks/useDebounced';
import { useStore } from '@/stores';
import { StateView } from '@/components/StateView';
import { OrgPicker } from '@/components/OrgPicker';
import { ROLE_LABEL } from '@/utils/labels';
import { formatDateTime } from '@/utils/time';
import { grantLine, reasonError, REVOCABLE_LABEL } from './labels';
import '../shared.scss';

type Tab = 'enterprises' | 'invite' | 'users' | 'grants';
const TABS: { value: Tab; label: string }[] = [
  { value: 'enterprises', label: '企业认证' },
  { value: 'invite', label: '邀请管理员' },
  { value: 'users', label: '用户与身份' },
  { value: 'grants', label: '授权记录' },
];
const REVOCABLE: RevocableRole[] = ['enterprise', 'volunteer', 'admin'];

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

function Enterprises({ version, bump }: { version: number; bump: () => void }) {
  const list = useAsync(() => call('admin', 'enterprises', { pageSize: 50 }), [version]);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonErr, setReasonErr] = useState<string | null>(null);

  const review = async (a: EnterpriseApplicationForAdmin, approve: boolean) => {
    if (!approve) {
      const e = reasonError(reason);
      setReasonErr(e);
      if (e) return;
    }
    try {
      await call('admin', 'reviewEnterprise', { id: a.id, approve, ...(approve ? {} : { reason: reason.trim() }) });
      toast(approve ? '已通过' : '已驳回');
      setRejecting(null);
      setReason('');
      bump();
    } catch (err) {
      toast(errorMessage(err));
    }
  };

  return (
    <StateView loading={list.status === 'loading' && !list.data} error={list.error} empty={list.data?.items.length === 0} emptyText="没有待审核的企业认证" onRetry={() => void list.reload()}>
      {list.data?.items.map((a) => (
        <View key={a.id} className="card acct-item acct-enterprise" data-id={a.id}>
          <View className="acct-item__head">
            <Text className="acct-item__name">{a.company}</Text>
            <Text className="acct__status acct__status--applied">待审核</Text>
          </View>
          <Text className="acct-item__line">统一社会信用代码 {a.creditCode}</Text>
          <Text className="acct-item__line">联系人 {a.userName} {a.userPhone ?? ''} · {a.orgName}</Text>
          {a.address && <Text className="acct-item__line">{a.address}</Text>}
          <Text className="acct-item__line">{formatDateTime(a.createdAt)} 提交</Text>
          {rejecting === a.id ? (
            <View className="acct-field acct-field--reason">
              <Textarea className="acct__textarea acct-enterprise__reason" value={reason} maxlength={200} placeholder="驳回理由（申请人会看到）" onInput={(e) => setReason(e.detail.value)} />
              {reasonErr && <Text className="acct-field__error">{reasonErr}</Text>}
              <View className="acct-item__buttons">
                <Text className="acct-item__btn" onClick={() => setRejecting(null)}>取消</Text>
                <Text className="acct-item__btn acct-item__btn--solid acct-enterprise__reject-confirm" onClick={() => void review(a, false)}>确认驳回</Text>
              </View>
            </View>
          ) : (
            <View className="acct-item__buttons">
              <Text className="acct-item__btn acct-item__btn--solid acct-enterprise__approve" onClick={() => void review(a, true)}>通过</Text>
              <Text className="acct-item__btn acct-enterprise__reject" onClick={() => { setRejecting(a.id); setReasonErr(null); }}>驳回</Text>
            </View>
          )}
        </View>
      ))}
    </StateView>
  );
}

function InviteAdmin() {
  const orgs = useAsync(() => call('admin', 'orgs', {}), []);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const allowed = new Set(orgs.data?.items.filter((o) => o.inScope).map((o) => o.id) ?? []);

  const create = async () => {
    if (!orgId) {
      setError('请选择要邀请管理员的工会');
      return;
    }
    setError(null);
    try {
      setInvite(await call('admin', 'invite', { orgId }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <View className="card acct-invite">
      <Text className="acct__title">邀请管理员</Text>
      <Text className="acct__text">可为本级或下级工会生成一次性邀请码；对方在小程序中扫码或输入邀请码即成为该工会管理员。</Text>
      <StateView loading={orgs.status === 'loading' && !orgs.data} error={orgs.error} onRetry={() => void orgs.reload()} skeletonRows={1}>
        <OrgPicker orgs={orgs.data?.items ?? []} value={orgId} onChange={(id) => { setOrgId(id); setInvite(null); }} allowed={allowed} />
      </StateView>
      {error && <Text className="acct-field__error acct-invite__error">{error}</Text>}
      <View className="acct__actions">
        <View className="btn btn--primary acct-invite__create" onClick={() => void create()}>生成邀请码</View>
      </View>
      {invite && (
        <View className="acct-invite__result">
          <Text className="acct__code acct-invite__code">{invite.code}</Text>
          <Image className="acct__qr" src={invite.qrImage} />
          <Text className="acct__text">{invite.orgName}管理员邀请，{formatDateTime(invite.expiresAt)} 前有效，仅可使用一次。</Text>
          <View className="acct__actions">
            <View className="btn btn--outline" onClick={() => void Taro.setClipboardData({ data: invite.code })}>复制邀请码</View>
          </View>
        </View>
      )}
    </View>
  );
}

function Users({ version, bump }: { version: number; bump: () => void }) {
  const me = useStore((s) => s.user);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>(undefined);
  const query = useDebounced(q.trim(), 300);
  const list = useAsync(() => call('admin', 'users', { ...(query ? { q: query } : {}), ...(role ? { role } : {}), pageSize: 50 }), [version, query, role]);

  const revoke = async (u: AccountUser, r: RevocableRole) => {
    const ok = await Taro.showModal({ title: '收回身份', content: `确定收回 ${u.name} 的${REVOCABLE_LABEL[r]}身份？对方会立即退出登录。` });
    if (!ok.confirm) return;
    try {
      await call('admin', 'revokeRole', { userId: u.id, role: r });
      toast('已收回');
      bump();
    } catch (err) {
      toast(errorMessage(err));
    }
  };

  return (
    <View className="acct-users">
      <View className="card">
        <Input className="acct__input acct-users__q" value={q} maxlength={50} placeholder="搜索姓名、手机号或单位" onInput={(e) => setQ(e.detail.value)} />
        <View className="acct-item__buttons">
          {([undefined, 'enterprise', 'volunteer', 'admin'] as const).map((r) => (
            <Text key={r ?? 'all'} className={`acct-item__btn${role === r ? ' acct-item__btn--solid' : ''}`} onClick={() => setRole(r)}>
              {r ? ROLE_LABEL[r] : '全部'}
            </Text>
          ))}
        </View>
      </View>
      <StateView loading={list.status === 'loading' && !list.data} error={list.error} empty={list.data?.items.length === 0} emptyText="没有符合条件的用户" onRetry={() => void list.reload()}>
        {list.data?.items.map((u) => (
          <View key={u.id} className="card acct-item acct-user" data-id={u.id}>
            <View className="acct-item__head">
              <Text className="acct-item__name">{u.name}</Text>
              <Text className="acct-item__line">{u.roles.map((r) => ROLE_LABEL[r]).join('、')}</Text>
            </View>
            <Text className="acct-item__line">{[u.orgName, u.company, u.phone].filter(Boolean).join(' · ')}</Text>
            {u.id !== me?.id && (
              <View className="acct-item__buttons">
                {REVOCABLE.filter((r) => u.roles.includes(r)).map((r) => (
                  <Text key={r} className={`acct-item__btn acct-user__revoke acct-user__revoke--${r}`} onClick={() => void revoke(u, r)}>
                    收回{REVOCABLE_LABEL[r]}
                  </Text>
                ))}
              </View>
            )}
          </View>
        ))}
      </StateView>
    </View>
  );
}

function Grants({ version }: { version: number }) {
  const list = useAsync(() => call('admin', 'roleGrants', { pageSize: 50 }), [version]);
  return (
    <StateView loading={list.status === 'loading' && !list.data} error={list.error} empty={list.data?.items.length === 0} emptyText="暂无授权记录" onRetry={() => void list.reload()}>
      <View className="card acct-grants">
        {list.data?.items.map((g) => (
          <View key={g.id} className="acct-field acct-grant" data-change={g.change}>
            <Text className="acct-item__line">{grantLine(g)}</Text>
            <Text className="acct-item__line muted">{formatDateTime(g.at)}</Text>
          </View>
        ))}
      </View>
    </StateView>
  );
}

/** 账号与权限: enterprise reviews, admin invitations, users and roles in scope, and the record of grants. */
export default function AccountAdminPage() {
  const user = useStore((s) => s.user);
  const [tab, setTab] = useState<Tab>('enterprises');
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  usePullDownRefresh(() => {
    bump();
    void Taro.stopPullDownRefresh();
  });

  if (!user?.roles.includes('admin')) {
    return (
      <View className="acct">
        <Text className="acct__banner">只有工会管理员可以管理账号与权限。</Text>
      </View>
    );
  }
  return (
    <View className="acct acct-admin">
      <View className="acct-tabs">
        {TABS.map((t) => (
          <Text key={t.value} className={`acct-tabs__tab acct-tabs__tab--${t.value}${tab === t.value ? ' acct-tabs__tab--on' : ''}`} onClick={() => setTab(t.value)}>
            {t.label}
          </Text>
        ))}
      </View>
      {tab === 'enterprises' && <Enterprises version={version} bump={bump} />}
      {tab === 'invite' && <InviteAdmin />}
      {tab === 'users' && <Users version={version} bump={bump} />}
      {tab === 'grants' && <Grants version={version} />}
    </View>
  );
}
