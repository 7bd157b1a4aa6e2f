export default definePageConfig({
  navigationBarTitleText: '超时待办',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
