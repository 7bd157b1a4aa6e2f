import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { AdminGate } from '../components/AdminGate';
import { Choices, Field, FormBanner, LIMITS, SubmitBar, TextArea, TextInput, fieldError } from '@/components/form';
import { Switch } from '../components/Switch';
import { VolunteerPicker } from '../components/VolunteerPicker';
import { manageRoutes } from '../lib/routes';
import { useAdminOrgs } from '../lib/scope';
import { saveMenuItem } from '../lib/saveMenuItem';
import { useForm } from '../lib/useForm';
import { FIELD_SUGGESTIONS, KIND_OPTIONS, MODE_OPTIONS, emptyService, serviceToDraft, toSaveServiceInput, validateService } from './form';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

const NO_TEAM = '__none__';

function Editor() {
  const elder = useRootClass('');
  const id = useRouteParam('id');
  const presetTeam = useRouteParam('teamId');
  const { canEdit } = useAdminOrgs(true);
  const form = useForm(emptyService(presetTeam || null));
  const { draft, set, errors } = form;

  const service = useAsync(async () => (id ? call('catalog', 'service', { id }) : null), [id]);
  const teams = useAsync(() => call('catalog', 'teams', { kind: 'service', pageSize: 100 }), []);

  useEffect(() => {
    if (service.data) form.setDraft(serviceToDraft(service.data));
    void Taro.setNavigationBarTitle({ title: id ? '编辑技术服务' : '新建技术服务' });
  }, [service.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const readOnly = service.data != null && !canEdit(service.data.orgId);
  // The fields mount once the draft holds the loaded values: on H5 a value changed right after a
  // field mounts reaches Taro's input before its inner element exists ('reading value' at watchValue).
  const draftPending = service.data != null && draft.id !== service.data.id;
  const teamOptions = [
    { value: NO_TEAM, label: '不属于服务队' },
    ...(teams.data?.items ?? []).filter((t) => canEdit(t.orgId) || t.id === draft.teamId).map((t) => ({ value: t.id, label: t.name })),
  ];

  const save = () =>
    saveMenuItem({
      form,
      validate: validateService,
      noun: '服务',
      send: (d) => call('admin', 'saveService', toSaveServiceInput(d)),
      list: 'services',
      backTo: manageRoutes.services,
    });

  return (
    <View className={`mg-page service-editor${elder}`}>
      <StateView loading={(service.status === 'loading' && service.data == null) || draftPending} error={service.error} onRetry={() => void service.reload()}>
        {readOnly && <Text className="mg-banner service-readonly">该服务不属于您管辖的工会，只能查看，不能修改</Text>}
        <FormBanner className="service-error" message={form.banner} />
        <View className="card form-card service-form">
          <Field name="title" label="服务名称" required error={fieldError(errors, 'title')}>
            <TextInput
              className="service-title"
              value={draft.title}
              max={LIMITS.service.title}
              placeholder="例如：数控机床故障诊断与维修"
              onChange={(v) => set('title', v)}
            />
          </Field>
          <Field name="field" label="技术领域" required error={fieldError(errors, 'field')}>
            <TextInput
              className="service-field"
              value={draft.field}
              max={LIMITS.service.field}
              placeholder="例如：数控"
              onChange={(v) => set('field', v)}
            />
            <Choices
              className="service-field-suggest"
              options={FIELD_SUGGESTIONS.map((f) => ({ value: f, label: f }))}
              value={draft.field.trim()}
              onChange={(f) => set('field', f)}
            />
          </Field>
          <Field name="kind" label="服务类型" required error={fieldError(errors, 'kind')}>
            <Choices className="service-kind" options={KIND_OPTIONS} value={draft.kind} onChange={(v) => set('kind', v)} />
          </Field>
          <Field name="mode" label="服务方式" required error={fieldError(errors, 'mode')}>
            <Choices className="service-mode" options={MODE_OPTIONS} value={draft.mode} onChange={(v) => set('mode', v)} />
          </Field>
          <Field name="summary" label="简介" error={fieldError(errors, 'summary')} count={draft.summary.length} max={LIMITS.service.summary}>
            <TextArea
              className="service-summary"
              value={draft.summary}
              max={LIMITS.service.summary}
              placeholder="能解决什么问题、需要对方准备什么"
              onChange={(v) => set('summary', v)}
            />
          </Field>
          <Field name="teamId" label="所属服务队" error={fieldError(errors, 'teamId') ?? teams.error ?? undefined}>
            <Choices
              className="service-team"
              options={teamOptions}
              value={draft.teamId ?? NO_TEAM}
              onChange={(v) => set('teamId', v === NO_TEAM ? null : v)}
            />
          </Field>
          <Field name="volunteerIds" label="技术人员" error={fieldError(errors, 'volunteerIds')} extra={`${draft.technicians.length} 位`}>
            <VolunteerPicker
              className="service-technicians"
              kind="technician"
              noun="技术人员"
              value={draft.technicians}
              onChange={(v) => set('technicians', v, 'volunteerIds')}
            />
          </Field>
          <Field name="active" label="上架状态">
            <Switch className="service-active" checked={draft.active} onChange={(v) => set('active', v)} onText="上架中：出现在点单菜单" offText="停用：从菜单中隐藏" />
          </Field>
        </View>
        <SubmitBar
          className="service-save"
          label={draft.id ? '保存修改' : '创建服务'}
          busy={form.saving}
          busyLabel="保存中…"
          disabled={readOnly}
          onSubmit={() => void save()}
        />
      </StateView>
    </View>
  );
}

/** 技术服务 editor: a new service (no id; `teamId` presets the team) or an existing one → admin.saveService. */
export default function ServiceEditorPage() {
  return (
    <AdminGate>
      <Editor />
    </AdminGate>
  );
}
