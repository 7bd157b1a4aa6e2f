// navigationStyle 'default': WeChat's own bar, and on H5 Taro's bar with the title and a way
// back, or home when the page was opened from a shared link (no page below it).
export default definePageConfig({ navigationBarTitleText: '宣讲主题', navigationStyle: 'default' });
