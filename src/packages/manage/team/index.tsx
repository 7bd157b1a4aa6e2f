import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TeamDetail, TeamRole, VolunteerSummary } from '@cloud/contract';
import { call, errorMessage } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { Section } from '@/components/Section';
import { TEAM_KIND_LABEL, TEAM_ROLE_LABEL, VOLUNTEER_KIND_LABEL } from '@/utils/labels';
import { go, routes } from '@/utils/routes';
import { useStore } from '@/stores';
import { AdminGate } from '../components/AdminGate';
import { Choices, Field, FormBanner, LIMITS, SubmitBar, TextArea, TextInput, fieldError, revealErrors } from '@/components/form';
import { Sheet } from '../components/Sheet';
import { VolunteerSearch } from '../components/VolunteerSearch';
import { saveFailure } from '../lib/fields';
import { markDirty } from '../lib/dirty';
import { manageRoutes } from '../lib/routes';
import { useAdminOrgs } from '../lib/scope';
import { useForm } from '../lib/useForm';
import { emptyTeam, teamToDraft, toSaveTeamInput, validateTeam } from './form';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

const KIND_OPTIONS = (['lecture', 'service'] as const).map((k) => ({ value: k, label: TEAM_KIND_LABEL[k] }));
const ROLE_OPTIONS = (['captain', 'liaison', 'member'] as const).map((r) => ({ value: r, label: TEAM_ROLE_LABEL[r] }));
const ROLE_ORDER: Record<TeamRole, number> = { captain: 0, liaison: 1, member: 2 };

export function roleOf(t: Pick<TeamDetail, 'captainId' | 'liaisonIds'>, v: VolunteerSummary): TeamRole {
  if (v.id === t.captainId) return 'captain';
  if (t.liaisonIds.includes(v.id)) return 'liaison';
  return v.teamRole ?? 'member';
}

/** Members of a saved team: change a role, take someone out, add someone found by search. */
function Members({ team, onChange, readOnly }: { team: TeamDetail; onChange: (t: TeamDetail) => void; readOnly: boolean }) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const members = [...team.members].sort((a, b) => ROLE_ORDER[roleOf(team, a)] - ROLE_ORDER[roleOf(team, b)]);

  const setMember = async (v: { id: string; name: string }, role: TeamRole | null, done: string) => {
    if (busyId) return;
    setBusyId(v.id);
    try {
      onChange(await call('admin', 'setMember', { teamId: team.id, volunteerId: v.id, role }));
      markDirty('teams');
      void Taro.showToast({ title: done, icon: 'none' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setBusyId(null);
    }
  };

  const changeRole = (v: VolunteerSummary, role: TeamRole) => {
    if (role === roleOf(team, v)) return;
    void setMember(v, role, role === 'captain' ? `${v.name} 任队长，原队长改为队员` : `${v.name} 改为${TEAM_ROLE_LABEL[role]}`);
  };

  const remove = async (v: VolunteerSummary) => {
    const ok = await Taro.showModal({ title: '移出队伍', content: `将 ${v.name} 移出「${team.name}」？`, confirmText: '移出', confirmColor: '#c8161d' })
      .then((r) => r.confirm)
      .catch(() => false);
    if (ok) await setMember(v, null, `已将 ${v.name} 移出`);
  };

  const add = async (v: VolunteerSummary) => {
    if (v.teamId === team.id) return;
    if (v.teamId) {
      const ok = await Taro.showModal({ title: '调入本队', content: `${v.name} 现属「${v.teamName ?? '其他队伍'}」，调入后将离开原队伍。`, confirmText: '调入', confirmColor: '#c8161d' })
        .then((r) => r.confirm)
        .catch(() => false);
      if (!ok) return;
    }
    await setMember(v, 'member', `${v.name} 已加入`);
  };

  return (
    <Section title="队员" extra={`${members.length} 人`} className="team-members">
      {members.length === 0 && <Text className="muted">还没有队员，点下方“添加队员”</Text>}
      {members.map((v) => {
        const role = roleOf(team, v);
        return (
          <View key={v.id} className="member-row" data-id={v.id} data-role={role}>
            <View className="member-row__top">
              <View>
                <Text className="member-row__name">{v.name}</Text>
                <Text className="muted"> {v.kinds.map((k) => VOLUNTEER_KIND_LABEL[k]).join('·')}</Text>
              </View>
              {!readOnly && (
                <Text className="member-row__remove member-remove" onClick={() => void remove(v)}>
                  {busyId === v.id ? '处理中…' : '移出'}
                </Text>
              )}
            </View>
            {!readOnly && (
              <View className="member-row__roles">
                <Choices className="member-role" options={ROLE_OPTIONS} value={role} onChange={(r) => changeRole(v, r)} />
              </View>
            )}
          </View>
        );
      })}
      {!readOnly && (
        <View className="btn btn--outline btn--small member-add" onClick={() => setAdding(true)}>
          ＋ 添加队员
        </View>
      )}
      <Sheet open={adding} title={`添加队员到「${team.name}」`} onClose={() => setAdding(false)} className="member-sheet">
        <VolunteerSearch
          onPick={(v) => void add(v)}
          side={(v) =>
            busyId === v.id ? (
              <Text className="muted">处理中…</Text>
            ) : v.teamId === team.id ? (
              <Text className="muted">本队</Text>
            ) : (
              <Text>{v.teamId ? '调入' : '加入'}</Text>
            )
          }
        />
      </Sheet>
    </Section>
  );
}

function Editor() {
  const elder = useRootClass('');
  const id = useRouteParam('id');
  const user = useStore((s) => s.user);
  const { orgs, canEdit } = useAdminOrgs(true);
  const form = useForm(emptyTeam());
  const { draft, set, errors } = form;
  const team = useAsync(async () => (id ? call('catalog', 'team', { id }) : null), [id]);
  const [detail, setDetail] = useState<TeamDetail | null>(null);

  useEffect(() => {
    if (team.data) {
      form.setDraft(teamToDraft(team.data));
      setDetail(team.data);
    }
    void Taro.setNavigationBarTitle({ title: id ? '编辑服务队' : '新建服务队' });
  }, [team.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const readOnly = team.data != null && !canEdit(team.data.orgId);
  // The fields mount once the draft holds the loaded values: on H5 a value changed right after a
  // field mounts reaches Taro's input before its inner element exists ('reading value' at watchValue).
  const draftPending = team.data != null && draft.id !== team.data.id;
  const orgOptions = orgs.map((o) => ({ value: o.id, label: o.name }));

  const save = () => {
    if (form.saving) return;
    const local = validateTeam(draft);
    form.setErrors(local);
    if (Object.keys(local).length > 0) {
      form.setBanner('请按提示修改后再保存');
      revealErrors(true);
      return;
    }
    return form.guard(async () => {
      form.setBanner(null);
      try {
        const saved = await call('admin', 'saveTeam', toSaveTeamInput(draft));
        markDirty('teams');
        if (draft.id) {
          void Taro.showToast({ title: '已保存', icon: 'success' });
          form.setDraft(teamToDraft(saved));
          if (detail) setDetail({ ...detail, ...saved });
        } else {
          void Taro.showToast({ title: '已创建，可添加队员', icon: 'none' });
          void Taro.redirectTo({ url: manageRoutes.team(saved.id) });
        }
      } catch (err) {
        const f = saveFailure(err);
        form.setErrors(f.fields);
        form.setBanner(f.message);
        revealErrors(Object.keys(f.fields).length > 0);
      }
    });
  };

  return (
    <View className={`mg-page team-editor${elder}`}>
      <StateView loading={(team.status === 'loading' && team.data == null) || draftPending} error={team.error} onRetry={() => void team.reload()}>
        {readOnly && <Text className="mg-banner team-readonly">该队伍不属于您管辖的工会，只能查看，不能修改</Text>}
        <FormBanner className="team-error" message={form.banner} />
        <View className="card form-card team-form">
          <Field name="name" label="队名" required error={fieldError(errors, 'name')}>
            <TextInput
              className="team-name-input"
              value={draft.name}
              max={LIMITS.team.name}
              placeholder="例如：王关根工匠数控技术服务队"
              onChange={(v) => set('name', v)}
            />
          </Field>
          <Field name="kind" label="类型" required error={fieldError(errors, 'kind')}>
            <Choices className="team-kind" options={KIND_OPTIONS} value={draft.kind} onChange={(v) => set('kind', v)} />
          </Field>
          <Field name="region" label="地区" required error={fieldError(errors, 'region')}>
            <TextInput
              className="team-region"
              value={draft.region}
              max={LIMITS.team.region}
              placeholder="例如：义乌市"
              onChange={(v) => set('region', v)}
            />
          </Field>
          {orgOptions.length > 1 && (
            <Field name="orgId" label="所属工会" error={fieldError(errors, 'orgId')} hint={draft.orgId ? undefined : `默认：${user?.orgName ?? '本级工会'}`}>
              <Choices className="team-org" options={orgOptions} value={draft.orgId} onChange={(v) => set('orgId', v)} />
            </Field>
          )}
          <Field name="intro" label="简介" error={fieldError(errors, 'intro')} count={draft.intro.length} max={LIMITS.team.intro}>
            <TextArea
              className="team-intro"
              value={draft.intro}
              max={LIMITS.team.intro}
              placeholder="队伍的来历、专长和服务过的单位"
              onChange={(v) => set('intro', v)}
            />
          </Field>
          {!readOnly && (
            <SubmitBar
              inline
              className="team-save"
              label={draft.id ? '保存队伍信息' : '创建队伍'}
              busy={form.saving}
              busyLabel="保存中…"
              onSubmit={() => void save()}
            />
          )}
        </View>

        {detail && <Members team={detail} onChange={setDetail} readOnly={readOnly} />}

        {detail && (
          <Section title="服务项目" extra={`${detail.services.length} 项`} className="team-services">
            {detail.services.map((s) => (
              <View key={s.id} className="mg-row" onClick={() => go(manageRoutes.service(s.id))}>
                <View className="mg-row__body">
                  <Text className="mg-row__title">{s.title}</Text>
                  <Text className="mg-row__sub">{s.field}</Text>
                </View>
                <Text className="mg-row__side">编辑 ›</Text>
              </View>
            ))}
            <View className="mg-links">
              {!readOnly && (
                <Text className="link team-new-service" onClick={() => go(`${manageRoutes.service()}?teamId=${encodeURIComponent(detail.id)}`)}>
                  ＋ 为本队新建服务
                </Text>
              )}
              <Text className="link" onClick={() => go(routes.team(detail.id))}>
                查看队伍主页 ›
              </Text>
            </View>
          </Section>
        )}
      </StateView>
    </View>
  );
}

/** 服务队 editor: name, kind, region, intro (admin.saveTeam); members and their roles (admin.setMember). */
export default function TeamEditorPage() {
  return (
    <AdminGate>
      <Editor />
    </AdminGate>
  );
}
