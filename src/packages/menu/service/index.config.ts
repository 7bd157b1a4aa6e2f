export default definePageConfig({ navigationBarTitleText: '技术服务' });
