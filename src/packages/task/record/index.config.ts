export default definePageConfig({ navigationBarTitleText: '填写服务记录' });
