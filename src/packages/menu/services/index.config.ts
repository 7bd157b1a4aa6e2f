export default definePageConfig({
  navigationBarTitleText: '技术服务',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
