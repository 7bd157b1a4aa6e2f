export default definePageConfig({ navigationBarTitleText: '接受管理员邀请' });
