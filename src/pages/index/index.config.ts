export default definePageConfig({
  navigationBarTitleText: '劳模工匠点单',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
