export default definePageConfig({ navigationBarTitleText: '技术服务管理', enablePullDownRefresh: true });
