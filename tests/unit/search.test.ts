// Finding a station or country by any of its names, in any language of the story, and showing
// what was found in the reader's language.
import { describe, expect, it } from 'vitest';
import { searchMatches } from '../../src/panel/search-view';
import { i18n } from '../../src/i18n';
import { model, station } from './helpers';

const m = model(
  [
    station('it-milan', 'IT', '2022-09-12', { name: { en: 'Milan station (Wenzhou)', 'zh-Hans': '米兰服务站（温州）', 'zh-Hant': '米蘭服務站（溫州）' }, city: { en: 'Milan', 'zh-Hans': '米兰', 'zh-Hant': '米蘭' } }),
    station('ie-dublin', 'IE', '2022-09-12', { name: { en: 'Dublin station (Fuzhou)', 'zh-Hans': '都柏林服务站（福州）' }, city: { en: 'Dublin' } }),
  ],
  [],
);
const stationLabels = (query: string, lang: string) => searchMatches(m, query, i18n(lang)).filter((x) => x.selection?.kind === 'station');

describe('search', () => {
  it('finds a Chinese name typed in either script, and shows it in the reader\'s script', () => {
    expect(stationLabels('米兰', 'zh-Hant').map((x) => x.label)).toEqual(['米蘭服務站（溫州）']);
    expect(stationLabels('米蘭', 'zh-Hans').map((x) => x.label)).toEqual(['米兰服务站（温州）']);
    expect(stationLabels('温州', 'zh-Hant').map((x) => x.label)).toEqual(['米蘭服務站（溫州）']);
  });

  it('keeps finding English names, on any page', () => {
    expect(stationLabels('milan', 'zh-Hans').map((x) => x.label)).toEqual(['米兰服务站（温州）']);
    expect(stationLabels('Milán', 'en').map((x) => x.label)).toEqual(['Milan station (Wenzhou)']);
  });

  it('marks a result that fell back to English', () => {
    const [dublin] = stationLabels('dublin', 'zh-Hant');
    expect(dublin).toMatchObject({ label: 'Dublin station (Fuzhou)', lang: 'en' });
    expect(stationLabels('dublin', 'zh-Hans')[0]).toMatchObject({ label: '都柏林服务站（福州）', lang: undefined });
  });

  it('finds a country by its name in any of the story\'s languages', () => {
    const countries = (query: string, lang: string) => searchMatches(m, query, i18n(lang)).filter((x) => x.selection?.kind === 'country').map((x) => x.label);
    expect(countries('意大利', 'zh-Hant')).toEqual(['義大利']);
    expect(countries('italy', 'zh-Hans')).toEqual(['意大利']);
    expect(countries('爱尔兰', 'en')).toEqual(['Ireland']);
  });
});
