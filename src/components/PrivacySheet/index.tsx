import { useSyncExternalStore } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { agreeToPrivacy, isConsentPending, openPrivacyGuide, refusePrivacy, watchConsent } from '@/services/privacy';
import './index.scss';

const AGREE_BUTTON_ID = 'privacy-agree';

/**
 * The consent sheet WeChat's privacy check needs: shown while a guarded API waits for the user.
 * Mounted on every page that uses one (check-in, photos, copying an address); weapp only.
 */
export function PrivacySheet() {
  const open = useSyncExternalStore(watchConsent, isConsentPending, isConsentPending);
  if (process.env.TARO_ENV !== 'weapp' || !open) return null;
  return (
    <View className="privacy-sheet">
      <View className="privacy-sheet__mask" onClick={refusePrivacy} />
      <View className="privacy-sheet__panel">
        <Text className="privacy-sheet__title">隐私保护提示</Text>
        <Text className="privacy-sheet__body">
          签到时记录服务地点、上传现场照片、复制地址和电话，需要使用您的位置信息、相册（相机）和剪贴板。请先阅读
        </Text>
        <Text className="privacy-sheet__link" onClick={openPrivacyGuide}>
          《劳模工匠点单小程序隐私保护指引》
        </Text>
        <Text className="privacy-sheet__body">同意后可正常使用；不同意也可继续签到和下单，只是不记录位置、不能上传照片。</Text>
        <View className="privacy-sheet__actions">
          <Button className="privacy-sheet__refuse" onClick={refusePrivacy}>
            不同意
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="privacy-sheet__agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => agreeToPrivacy(AGREE_BUTTON_ID)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}

export default PrivacySheet;
