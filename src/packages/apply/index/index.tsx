import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Application, FieldErrors, VolunteerKind } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { StateView } from '@/components/StateView';
import { useStore } from '@/stores';
import { formatDateTime } from '@/utils/time';
import { go, goTab, routes } from '@/utils/routes';
import { TagInput } from '../components/TagInput';
import { Choices, Field, FormBanner, LIMITS, MultiChoices, SubmitBar, TextArea, TextInput, fieldError, revealErrors, withoutField } from '@/components/form';
import { applicationToDraft, emptyApply, KIND_OPTIONS, orgsFromTeams, toApplyInput, validateApply, type ApplyDraft, type OrgOption } from './form';
import './index.scss';
import { useRootClass } from '@/hooks/useElder';

export const STATUS_TEXT: Record<Application['status'], string> = { applied: '审核中', approved: '已通过', rejected: '未通过' };

/** The application on file: 审核中 / 已通过 / 未通过 with the reviewer's note. */
function Status({ a, onEdit, editing, volunteerId }: { a: Application; onEdit: () => void; editing: boolean; volunteerId?: string }) {
  return (
    <View className="card apply-status" data-status={a.status}>
      <View className="apply-status__head">
        <Text className="apply-status__title">我的申报</Text>
        <Text className={`mg-status mg-status--${a.status}`}>{STATUS_TEXT[a.status]}</Text>
      </View>
      <Text className="apply-status__text">
        {a.kinds.map((k) => (k === 'speaker' ? '宣讲' : '技术服务')).join('、')} · {a.orgName}
        {a.appliedAt ? ` · ${formatDateTime(a.appliedAt)} 提交` : ''}
      </Text>
      {a.status === 'applied' && <Text className="apply-status__text">工会管理员审核后，结果会发到消息中心。</Text>}
      {a.status === 'approved' && <Text className="apply-status__text">欢迎加入劳模工匠志愿服务！现在可以在“任务”里接单、抢单。</Text>}
      {a.status === 'rejected' && (
        <Text className="apply-status__note">驳回理由：{a.reviewNote || '未说明'}。可按意见修改后重新申报。</Text>
      )}
      {a.status === 'applied' && !editing && (
        <View className="apply-status__actions">
          <View className="btn btn--outline btn--small apply-edit" onClick={onEdit}>
            修改申报内容
          </View>
        </View>
      )}
      {a.status === 'approved' && volunteerId && (
        <View className="apply-status__actions">
          <View className="btn btn--outline btn--small" onClick={() => go(routes.volunteer(volunteerId))}>
            查看我的风采页
          </View>
        </View>
      )}
    </View>
  );
}

interface FormProps {
  initial: ApplyDraft;
  orgs: OrgOption[];
  resubmit: boolean;
  onDone: (a: Application) => void;
}

export function ApplyForm({ initial, orgs, resubmit, onDone }: FormProps) {
  const [draft, setDraft] = useState<ApplyDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const set = <K extends keyof ApplyDraft>(k: K, v: ApplyDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => withoutField(e, k));
  };

  const submit = async () => {
    if (busyRef.current) return;
    const local = validateApply(draft);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setBanner('请按提示补充后再提交');
      revealErrors(true);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setBanner(null);
    try {
      const a = await call('task', 'apply', toApplyInput(draft));
      void Taro.showToast({ title: '申报已提交，等待审核', icon: 'none' });
      onDone(a);
    } catch (err) {
      // Keep what was typed; each server message goes next to its input.
      const fields = err instanceof ApiError && err.fields ? err.fields : {};
      setErrors(fields);
      setBanner(errorMessage(err));
      revealErrors(Object.keys(fields).length > 0);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const err = (k: string) => fieldError(errors, k);

  return (
    <>
      <FormBanner className="apply-error" message={banner} />
      <View className="card form-card apply-form">
        <Field name="kinds" label="申报类型（可多选）" required error={err('kinds')}>
          <MultiChoices<VolunteerKind>
            className="apply-kinds"
            layout="rows"
            options={KIND_OPTIONS}
            value={draft.kinds}
            onChange={(v) => set('kinds', v)}
          />
        </Field>

        <Field name="title" label="称号" error={err('title')} hint="显示在姓名下方，可不填">
          <TextInput
            className="apply-title"
            value={draft.title}
            max={LIMITS.apply.title}
            placeholder="例如：义乌工匠、浙江省劳动模范"
            onChange={(v) => set('title', v)}
          />
        </Field>

        <Field name="honours" label="荣誉" error={err('honours')}>
          <TagInput className="apply-honours" value={draft.honours} onChange={(v) => set('honours', v)} placeholder="如 全国五一劳动奖章，可用逗号分隔多项" />
        </Field>

        <Field name="skills" label="技能专长" required error={err('skills')}>
          <TagInput className="apply-skills" value={draft.skills} onChange={(v) => set('skills', v)} placeholder="如 数控、焊接、安全生产" />
        </Field>

        <Field name="regions" label="服务地区" required error={err('regions')}>
          <TagInput className="apply-regions" value={draft.regions} onChange={(v) => set('regions', v)} placeholder="如 义乌市、金华市" />
        </Field>

        <Field name="bio" label="个人简介" required error={err('bio')} count={draft.bio.length} max={LIMITS.apply.bio}>
          <TextArea
            className="apply-bio"
            value={draft.bio}
            max={LIMITS.apply.bio}
            placeholder="工作经历、代表性成果、能为职工和企业做什么（至少 10 个字）"
            onChange={(v) => set('bio', v)}
          />
        </Field>

        <Field name="orgId" label="所属工会" required error={err('orgId')} hint="由该工会的管理员审核">
          {orgs.length === 0 ? (
            <Text className="muted">暂无可选的工会组织</Text>
          ) : (
            <Choices className="apply-org" options={orgs} value={draft.orgId} onChange={(v) => set('orgId', v)} />
          )}
        </Field>
      </View>
      <SubmitBar className="apply-submit" label={resubmit ? '重新提交申报' : '提交申报'} busy={busy} busyLabel="提交中…" onSubmit={() => void submit()} />
    </>
  );
}

/** 申报: a user asks to become a speaker and/or technician; shows where their application stands. */
export default function ApplyPage() {
  const elder = useRootClass('');
  const user = useStore((s) => s.user);
  const [editing, setEditing] = useState(false);
  const [current, setCurrent] = useState<Application | null | undefined>(undefined);

  const data = useAsync(async () => {
    if (!user) return null;
    const [application, teams] = await Promise.all([
      call('task', 'application', {}),
      call('catalog', 'teams', { pageSize: 100 }),
    ]);
    return { application, teams: teams.items };
  }, [user?.id]);

  useEffect(() => {
    if (data.data) setCurrent(data.data.application);
  }, [data.data]);

  if (!user) {
    return (
      <View className={`mg-page apply-page${elder}`}>
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="登录后才能申报成为志愿者"
          emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
        />
      </View>
    );
  }

  const a = current ?? null;
  const orgs = data.data ? orgsFromTeams(data.data.teams) : [];
  // The user's own union first (they usually apply there), and the one of an earlier application.
  for (const extra of [a ? { value: a.orgId, label: a.orgName } : null, user.orgId ? { value: user.orgId, label: user.orgName ?? '本单位工会' } : null]) {
    if (extra && !orgs.some((o) => o.value === extra.value)) orgs.unshift(extra);
  }
  const isVolunteer = user.roles.includes('volunteer') || a?.status === 'approved';
  const showForm = !isVolunteer && (a == null || a.status === 'rejected' || editing);
  const initial = a ? applicationToDraft(a) : emptyApply(user.orgId && orgs.some((o) => o.value === user.orgId) ? user.orgId : null);

  return (
    <View className={`mg-page apply-page${elder}`}>
      <View className="mg-head">
        <Text className="mg-head__title">申报成为劳模工匠志愿者</Text>
        <Text className="apply-page__intro">宣讲劳模精神、工匠精神，或为企业和职工提供技术服务。提交后由所属工会审核。</Text>
      </View>
      <StateView loading={data.status === 'loading' && data.data == null} error={data.error} onRetry={() => void data.reload()}>
        {a && <Status a={a} editing={editing} onEdit={() => setEditing(true)} volunteerId={user.volunteerId} />}
        {isVolunteer && !a && <Text className="mg-tip apply-status">您已经是志愿者，无需再次申报。</Text>}
        {showForm && (
          <ApplyForm
            key={a ? `${a.id}-${a.status}-${a.appliedAt}` : 'new'}
            initial={initial}
            orgs={orgs}
            resubmit={a != null}
            onDone={(saved) => {
              setCurrent(saved);
              setEditing(false);
              void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
            }}
          />
        )}
      </StateView>
    </View>
  );
}
