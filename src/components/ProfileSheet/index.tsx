import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Input, Text, View } from '@tarojs/components';
import type { FieldErrors, Me } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { uploadPhoto } from '@/packages/task/upload';
import { OrgPicker } from '@/components/OrgPicker';
import { useOrgs } from '@/components/OrgPicker/useOrgs';
import { StateView } from '@/components/StateView';
import { TextAvatar } from '@/components/TextAvatar';
import { draftFromUser, NAME_MAX, toProfileInput, validateProfile, type ProfileDraft } from './form';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

interface Props {
  user: Me;
  /** Called with the saved user (already in the store). */
  onSaved?: (user: Me) => void;
  onCancel?: () => void;
  /** The line under the title, e.g. why booking asks for it. */
  hint?: string;
}

/**
 * 完善个人资料: avatar, name, mobile number and union organisation. On WeChat the avatar comes from
 * `openType="chooseAvatar"`, the name from the nickname keyboard (`type="nickname"`) and the mobile
 * number from `openType="getPhoneNumber"` through the cloud; typing the number always works too
 * (and is the only way on H5, with a photo upload for the avatar).
 */
export function ProfileSheet({ user, onSaved, onCancel, hint }: Props) {
  const setUser = useStore((s) => s.setUser);
  const orgs = useOrgs();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromUser(user));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'avatar' | 'phone' | null>(null);
  const busyRef = useRef(false);
  const isAdmin = user.roles.includes('admin');

  const set = <K extends keyof ProfileDraft>(k: K, v: ProfileDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => {
      const { [k]: _gone, ...rest } = e;
      return rest;
    });
  };

  /** One thing at a time: a second tap while saving does nothing. */
  const exclusive = async (what: 'save' | 'avatar' | 'phone', work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(what);
    try {
      await work();
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  const takeAvatar = (path: string | undefined) =>
    exclusive('avatar', async () => {
      if (!path) return;
      try {
        set('avatarUrl', await uploadPhoto(path));
      } catch (err) {
        setErrors((e) => ({ ...e, avatarUrl: errorMessage(err) }));
      }
    });

  const pickAvatarH5 = async () => {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      await takeAvatar(res.tempFilePaths[0]);
    } catch {
      // cancelled
    }
  };

  /** WeChat's phone button: the tap's code goes to the cloud, which asks WeChat for the number. */
  const onPhoneCode = (code: string | undefined) =>
    exclusive('phone', async () => {
      if (!code) {
        setErrors((e) => ({ ...e, phone: '未授权微信手机号，可直接填写' }));
        return;
      }
      try {
        const me = await call('auth', 'bindPhone', { code });
        setUser(me);
        set('phone', me.phone ?? '');
      } catch (err) {
        setErrors((e) => ({ ...e, phone: err instanceof ApiError && err.fields?.code ? err.fields.code : errorMessage(err) }));
      }
    });

  const save = () => {
    if (busyRef.current) return;
    setBanner(null);
    const found = validateProfile(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    void exclusive('save', async () => {
      try {
        const me = await call('auth', 'updateProfile', toProfileInput(draft));
        setUser(me);
        void Taro.showToast({ title: '资料已保存', icon: 'success' });
        onSaved?.(me);
      } catch (err) {
        if (err instanceof ApiError && err.fields && Object.keys(err.fields).length) setErrors(err.fields);
        else setBanner(errorMessage(err));
      }
    });
  };

  const fieldClass = (name: string) => `profile-sheet__field profile-sheet__field--${name}${errors[name] ? ' profile-sheet__field--error' : ''}`;
  const errorLine = (name: string) => (errors[name] ? <Text className="profile-sheet__error">{errors[name]}</Text> : null);

  return (
    <View className="card profile-sheet">
      <Text className="profile-sheet__title">完善个人资料</Text>
      <Text className="profile-sheet__hint">{hint ?? '填写后即可点单、申请企业认证；手机号仅用于服务联系。'}</Text>
      {banner && <Text className="profile-sheet__banner">{banner}</Text>}

      <View className={fieldClass('avatarUrl')}>
        <Text className="profile-sheet__label">头像</Text>
        {IS_WEAPP ? (
          <Button className="profile-sheet__avatar-btn" openType="chooseAvatar" onChooseAvatar={(e) => void takeAvatar((e.detail as { avatarUrl?: string }).avatarUrl)}>
            <AvatarPreview url={draft.avatarUrl} name={draft.name} />
          </Button>
        ) : (
          <View className="profile-sheet__avatar-btn profile-sheet__avatar-pick" onClick={() => void pickAvatarH5()}>
            <AvatarPreview url={draft.avatarUrl} name={draft.name} />
          </View>
        )}
        <Text className="profile-sheet__extra">{busy === 'avatar' ? '上传中…' : '点击更换（可不填）'}</Text>
        {errorLine('avatarUrl')}
      </View>

      <View className={fieldClass('name')}>
        <Text className="profile-sheet__label">姓名<Text className="profile-sheet__req">*</Text></Text>
        <Input
          className="profile-sheet__input profile-sheet__name"
          type={IS_WEAPP ? 'nickname' : 'text'}
          value={draft.name}
          maxlength={NAME_MAX}
          placeholder="请填写真实姓名"
          onInput={(e) => set('name', e.detail.value)}
          // The nickname keyboard fills the field without an input event on some devices.
          onBlur={(e) => set('name', e.detail.value)}
        />
        {errorLine('name')}
      </View>

      <View className={fieldClass('phone')}>
        <Text className="profile-sheet__label">手机号<Text className="profile-sheet__req">*</Text></Text>
        <View className="profile-sheet__phone-row">
          <Input
            className="profile-sheet__input profile-sheet__phone"
            type="number"
            value={draft.phone}
            maxlength={13}
            placeholder="11 位手机号"
            onInput={(e) => set('phone', e.detail.value)}
          />
          {IS_WEAPP && (
            <Button
              className="profile-sheet__wx-phone"
              openType="getPhoneNumber"
              onGetPhoneNumber={(e) => void onPhoneCode((e.detail as { code?: string }).code)}
            >
              {busy === 'phone' ? '获取中…' : '微信手机号'}
            </Button>
          )}
        </View>
        {errorLine('phone')}
      </View>

      <View className={fieldClass('orgId')}>
        <Text className="profile-sheet__label">所属工会<Text className="profile-sheet__req">*</Text></Text>
        {isAdmin ? (
          <Text className="profile-sheet__fixed">{user.orgName ?? '—'}（管理员的所属工会由邀请决定）</Text>
        ) : (
          <StateView loading={orgs.status === 'loading' && !orgs.data} error={orgs.error} onRetry={() => void orgs.reload()} skeletonRows={1}>
            <OrgPicker orgs={orgs.data ?? []} value={draft.orgId} onChange={(id) => set('orgId', id)} />
          </StateView>
        )}
        {errorLine('orgId')}
      </View>

      <View className="profile-sheet__actions">
        {onCancel && (
          <View className="btn btn--outline profile-sheet__cancel" onClick={onCancel}>
            取消
          </View>
        )}
        <View className={`btn btn--primary profile-sheet__save${busy ? ' btn--disabled' : ''}`} onClick={save}>
          {busy === 'save' ? '保存中…' : '保存资料'}
        </View>
      </View>
    </View>
  );
}

function AvatarPreview({ url, name }: { url: string | null; name: string }) {
  return url ? <Image className="profile-sheet__avatar" src={url} mode="aspectFill" /> : <TextAvatar name={name || '我'} />;
}
