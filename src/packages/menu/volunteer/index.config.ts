export default definePageConfig({ navigationBarTitleText: '劳模工匠风采' });
