// 督办总览 serves its data from this Cockpit plugin; its page is app/cockpit/scripts/duban-overview.js, loaded through
// customScripts in app/cockpit/scripts/config.js. Cockpit imports every registered plugin's plugin.js: this one adds nothing.
export default [];
