export default definePageConfig({ navigationBarTitleText: '编辑技术服务' });
