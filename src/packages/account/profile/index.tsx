import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useStore } from '@/stores';
import { ProfileSheet } from '@/components/ProfileSheet';
import { needsProfile } from '@/components/ProfileSheet/form';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

/**
 * 完善个人资料 as a page of the account subpackage: opened from 我的 (first open, or 修改) and from
 * booking when the profile is missing — the booking page stays below it in the stack, draft and
 * all, and is shown again once the profile is saved. A page here keeps the form, the org tree and
 * the avatar upload out of the mini-program's main package.
 */
export default function ProfilePage() {
  const elder = useRootClass('');
  const { params } = useRouter();
  const user = useStore((s) => s.user);
  const back = () => void Taro.navigateBack({ delta: 1 });
  if (!user) {
    return (
      <View className={`acct${elder}`}>
        <Text className="acct__text">请先在「我的」登录</Text>
      </View>
    );
  }
  const hint = params.from === 'book' ? '预约前请先完善个人资料，填好后回到预约' : undefined;
  return (
    <View className={`acct${elder}`}>
      <ProfileSheet user={user} hint={hint} onSaved={back} onCancel={needsProfile(user) && params.from !== 'book' ? undefined : back} />
    </View>
  );
}
