// Each Chinese text in its own script, checked with OpenCC: a text in the other script fails,
// naming its characters; the characters both scripts write that OpenCC still changes pass.
import { describe, expect, it } from 'vitest';
import { foreignCharacters, scriptProblems, scriptRules, ZH_HANT_ALLOWED } from '../../scripts/lib/script-check';
import { formatProblem } from '../../src/model/problems';
import type { TextRef } from '../../src/model/coverage';

const rules = scriptRules();
const ref = (texts: Record<string, string>): TextRef => ({ file: 'data/events.json', collection: 'events', index: 3, id: 'ie-2022-10-25-dublin-closed', field: 'title', texts });

describe('script consistency', () => {
  it('passes texts in their own script', () => {
    expect(foreignCharacters('爱尔兰关闭都柏林服务站，称其违法', rules['zh-Hans'])).toEqual([]);
    expect(foreignCharacters('愛爾蘭關閉都柏林服務站，稱其違法', rules['zh-Hant'])).toEqual([]);
  });

  it('finds traditional characters in zh-Hans and simplified ones in zh-Hant, each once', () => {
    expect(foreignCharacters('爱尔兰關閉都柏林服务站，關閉', rules['zh-Hans'])).toEqual([
      { char: '關', as: '关' },
      { char: '閉', as: '闭' },
    ]);
    expect(foreignCharacters('愛爾蘭关闭都柏林服務站', rules['zh-Hant'])).toEqual([
      { char: '关', as: '關' },
      { char: '闭', as: '閉' },
    ]);
  });

  it('lets zh-Hant keep the characters both scripts write that OpenCC still changes', () => {
    for (const text of ['台灣的電視台報導', '警方宣布調查結果，並公布名單', '里約熱內盧服務站', '外國干預調查', '據其了解', '當地志工協助', '涉嫌侵占', '中國祕密警察', '主席范德賴恩', '獲准加入']) {
      expect(rules['zh-Hant'].convert(text), text).not.toBe(text); // the converter does change them
      expect(foreignCharacters(text, rules['zh-Hant']), text).toEqual([]);
    }
    // The allowlist's price, kept short for it: 這里 (Taiwan writes 這裡) passes too. Other simplified
    // characters beside an allowed one are still caught.
    expect(Object.keys(ZH_HANT_ALLOWED)).toHaveLength(10);
    expect(foreignCharacters('這里', rules['zh-Hant'])).toEqual([]);
    expect(foreignCharacters('這里的干预', rules['zh-Hant'])).toEqual([{ char: '预', as: '預' }]);
  });

  it('reports each offending text by file, record, field and language, with its characters', () => {
    const problems = scriptProblems([ref({ en: 'Ireland shuts the Dublin station', 'zh-Hans': '爱尔兰關閉都柏林服务站', 'zh-Hant': '愛爾蘭关闭都柏林服務站' })]);
    expect(problems.map(formatProblem)).toEqual([
      'data/events.json: events[3] id=ie-2022-10-25-dublin-closed: title.zh-Hans has traditional characters: 關 (zh-Hans 关), 閉 (zh-Hans 闭)',
      'data/events.json: events[3] id=ie-2022-10-25-dublin-closed: title.zh-Hant has simplified characters: 关 (zh-Hant 關), 闭 (zh-Hant 閉)',
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('leaves other languages alone', () => {
    expect(scriptProblems([ref({ en: '關閉 is Chinese for "closed"', ja: '閉鎖' })])).toEqual([]);
  });
});
