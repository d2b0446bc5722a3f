// Each Chinese text in its own script: zh-Hans without traditional characters, zh-Hant without
// simplified ones. OpenCC converts the text into the script it should already be in; a character
// the conversion changes is in the wrong script, unless both scripts write it and the converter
// still changes it (ALLOWED). Pure: texts in, problems out.
import * as OpenCC from 'opencc-js';
import type { Problem } from '../../src/model/problems.ts';
import type { TextRef } from '../../src/model/coverage.ts';

export type Converter = (text: string) => string;

export interface ScriptRule {
  /** `traditional` for zh-Hans (it should have none), `simplified` for zh-Hant. */
  readonly foreign: string;
  readonly convert: Converter;
  /** Characters that may stay although the converter changes them, with what it writes instead. */
  readonly allowed: Readonly<Record<string, string>>;
}

/**
 * Found in the data: characters Taiwan writes as they are, which OpenCC's cn->tw conversion still
 * changes, by word or by character.
 */
export const ZH_HANT_ALLOWED: Readonly<Record<string, string>> = {
  台: '臺', // 台灣, 電視台, 平台, 服務台: Taiwan's everyday form
  布: '佈', // 公布, 宣布, 發布, 分布
  里: '裡', // transliterations: 里約熱內盧, 里貝拉布拉瓦, 峇里島, 史瓦希里語
  干: '幹', // 干預, 干擾
  了: '瞭', // 了解
  志: '誌', // 志工 (the converter reads 地志 in 當地志工)
  占: '佔', // 侵占, the legal term
  祕: '秘', // 祕密, the Ministry of Education's form
  范: '範', // the surname: 范德賴恩 (von der Leyen)
  准: '準', // 獲准 (approved): 准 is "permit", 準 "standard"
};

let rules: Readonly<Record<string, ScriptRule>> | undefined;

/** The rules for the Chinese languages; OpenCC's dictionaries are built on first use (about a second). */
export function scriptRules(): Readonly<Record<string, ScriptRule>> {
  rules ??= {
    'zh-Hans': { foreign: 'traditional', convert: OpenCC.Converter({ from: 't', to: 'cn' }), allowed: {} },
    'zh-Hant': { foreign: 'simplified', convert: OpenCC.Converter({ from: 'cn', to: 'tw' }), allowed: ZH_HANT_ALLOWED },
  };
  return rules;
}

/** The characters of `text` the rule's conversion changes and the allowlist does not excuse, each once, with what it writes instead. */
export function foreignCharacters(text: string, rule: ScriptRule): { readonly char: string; readonly as?: string }[] {
  const converted = rule.convert(text);
  if (converted === text) return [];
  const a = [...text];
  const b = [...converted];
  const found = new Map<string, string | undefined>();
  if (a.length === b.length) {
    a.forEach((c, i) => {
      if (c !== b[i] && rule.allowed[c] !== b[i]) found.set(c, b[i]);
    });
  } else {
    // A phrase converted to one of another length: name the characters that did not survive it.
    const kept = new Set(b);
    for (const c of a) if (!kept.has(c) && rule.allowed[c] === undefined) found.set(c, undefined);
  }
  return [...found].map(([char, as]) => ({ char, as }));
}

/** An error for each Chinese text with characters of the other script: file, record, field and the characters. */
export function scriptProblems(texts: readonly (Omit<TextRef, 'collection'> & { readonly collection: string })[], rulesByLang: Readonly<Record<string, ScriptRule>> = scriptRules()): Problem[] {
  const problems: Problem[] = [];
  for (const t of texts) {
    for (const [lang, text] of Object.entries(t.texts)) {
      const rule = rulesByLang[lang];
      if (!rule) continue;
      const chars = foreignCharacters(text, rule);
      if (chars.length === 0) continue;
      problems.push({
        file: t.file,
        collection: t.collection,
        index: t.index,
        id: t.id,
        field: `${t.field}.${lang}`,
        severity: 'error',
        skipsRecord: false,
        message: `has ${rule.foreign} characters: ${chars.map((c) => (c.as === undefined ? c.char : `${c.char} (${lang} ${c.as})`)).join(', ')}`,
      });
    }
  }
  return problems;
}
