export default definePageConfig({ navigationBarTitleText: '发布求助' });
