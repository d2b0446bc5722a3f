// The fallback's reasons that the UI messages do not have (the build writes them into index.html
// in every language; src/boot.js or CSS shows one). The data's failure uses `loadError`.
import type { Localized } from '../model/schema';

export const FALLBACK_TEXT: Readonly<Record<'noscript' | 'scripts', Localized>> = {
  noscript: { en: 'This interactive map needs JavaScript.', 'zh-Hans': '此互动地图需要 JavaScript。', 'zh-Hant': '此互動地圖需要 JavaScript。' },
  scripts: { en: 'The interactive map could not start: its scripts did not load.', 'zh-Hans': '互动地图无法启动：其脚本未能加载。', 'zh-Hant': '互動地圖無法啟動：其指令碼未能載入。' },
};
