export default definePageConfig({
  navigationBarTitleText: '任务',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
