export default definePageConfig({ navigationBarTitleText: '窗口月度排名' });
