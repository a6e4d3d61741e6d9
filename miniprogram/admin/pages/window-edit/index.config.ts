export default definePageConfig({ navigationBarTitleText: '编辑窗口' });
