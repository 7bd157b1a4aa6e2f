export default definePageConfig({ navigationBarTitleText: '宣讲主题管理', enablePullDownRefresh: true });
