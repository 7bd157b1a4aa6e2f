export default definePageConfig({ navigationBarTitleText: '编辑宣讲主题' });
