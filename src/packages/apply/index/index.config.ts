export default definePageConfig({ navigationBarTitleText: '申报成为志愿者' });
