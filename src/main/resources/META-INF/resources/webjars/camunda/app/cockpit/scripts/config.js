// 法治督办: the webapp speaks Chinese first; English stays available to those whose browser asks for it.
export default {
  app: {
    name: '法治督办',
    vendor: '依法治区办'
  },
  locales: {
    availableLocales: ['zh-CN', 'en'],
    fallbackLocale: 'zh-CN'
  },
  // 督办总览 (reporting) and the 督察 view (inspection, route #/duban-inspection and a header link)
  customScripts: ['scripts/duban-overview.js', 'scripts/duban-inspection.js'],
  dateFormat: {
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm'
  }
};
