export default definePageConfig({ navigationBarTitleText: '版本详情' });
