export default definePageConfig({
  navigationBarTitleText: '消息发送',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
