export default definePageConfig({ navigationBarTitleText: '告知书模板' });
