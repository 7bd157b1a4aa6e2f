export default definePageConfig({
  navigationBarTitleText: '工会管理后台',
  enablePullDownRefresh: true,
});
