// 法治督办: the webapp speaks Chinese first; English stays available to those whose browser asks for it.
export default {
  // 启动流程 and 创建任务 only for those who may use them (with styles/user-styles.css); the evidence check that the
  // embedded forms with file fields share
  customScripts: ['scripts/tidy-tasklist', 'scripts/evidence-check'],
  app: {
    name: '法治督办',
    vendor: '依法治区办'
  },
  locales: {
    availableLocales: ['zh-CN', 'en'],
    fallbackLocale: 'zh-CN'
  },
  dateFormat: {
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '转到过滤器列表'},
    focusList: {key: 'ctrl+alt+l', description: '转到任务列表的第一项'},
    focusForm: {key: 'ctrl+alt+f', description: '转到表单的第一个输入项'}
  }
};
