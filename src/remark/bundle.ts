// The entry of dist/remark.js, a CommonJS bundle whose module.exports is the plugin itself: remark-cli
// (load-plugin) imports plugins with import(), which gives a CommonJS module's module.exports as the
// default export; require('…/remark') gives the same function, with .default and .remarkSpecroles too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = (require('./index') as typeof import('./index')).default;
module.exports = plugin;
module.exports.default = plugin;
module.exports.remarkSpecroles = plugin;
