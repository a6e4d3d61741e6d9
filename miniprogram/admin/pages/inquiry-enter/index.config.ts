export default definePageConfig({ navigationBarTitleText: '录入咨询投诉' });
