// Story steps: validation against the data (src/model/story.ts), each step's view in the state,
// ?step= in the URL and `step` in messages (src/state/*).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateStory, type StoryRefs } from '../../src/model/story';
import { formatProblem } from '../../src/model/problems';
import { defaultState, reduce, normalizeState, type StateContext } from '../../src/state/state';
import { stepViews } from '../../src/state/context';
import { patchFromFields } from '../../src/state/fields';
import { queryFromState, stateFromQuery, stateToPlain } from '../../src/state/url';
import { checkData, reportLines } from '../../scripts/check-data';
import { stateContext } from '../../src/state/context';
import { buildModel } from '../../src/model/model';
import { readDataDir } from '../../scripts/lib/read-data';
import { day, smallContext } from './helpers';

const LANGS = ['en', 'zh-Hans', 'zh-Hant'];
const refs: StoryRefs = {
  start: day(2022, 1, 1),
  end: day(2025, 12, 31),
  stationIds: new Set(['ie-dublin', 'nl-amsterdam', 'hr-unlocated']),
  countryIds: new Set(['IE', 'NL', 'HR']),
  eventIds: new Set(['ie-closed']),
  types: ['report', 'statement', 'closure'],
  canonical: (kind, id) => (kind === 'station' && id === 'hr-zagreb' ? 'hr-unlocated' : id),
};
const texts = (en: string) => ({ en, 'zh-Hans': `${en}（简）`, 'zh-Hant': `${en}（繁）` });
const step = (id: string, state: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id, state, title: texts(`Title ${id}`), text: texts(`Text ${id}`), ...extra });
const lines = (raw: unknown) => validateStory(raw, refs, LANGS, 'data/story.json').problems.map(formatProblem);

describe('story.json is checked against the data', () => {
  it('keeps valid steps in order, with their views as the URL and the message API write them', () => {
    const raw = {
      steps: [
        step('start', { to: '2022-09-12' }),
        step('dublin', { from: '2022-09-01', to: '2022-10-26', station: 'ie-dublin', types: ['closure'], camera: '5/53.35/-6.26' }),
        step('croatia', { to: '2023-01-01', station: 'hr-zagreb', camera: { lon: 15.5, lat: 45.4, zoom: 5 } }),
        step('netherlands', { to: '2022-11-01', country: 'NL' }),
        step('closed', { to: '2022-11-01', event: 'ie-closed' }),
      ],
    };
    const { story, problems } = validateStory(raw, refs, LANGS);
    expect(problems).toEqual([]);
    expect(story.steps.map((s) => s.id)).toEqual(['start', 'dublin', 'croatia', 'netherlands', 'closed']);
  });

  it('names the file, the step and the field of every problem, and leaves out only the bad steps', () => {
    const raw = {
      steps: [
        step('ok', { to: '2022-09-12' }),
        step('ok', { to: '2022-09-13' }),
        step('no-such-station', { to: '2022-09-12', station: 'fr-nowhere' }),
        step('no-such-country', { to: '2022-09-12', country: 'FR' }),
        step('not-a-country', { to: '2022-09-12', country: 'XX' }),
        step('no-such-event', { to: '2022-09-12', event: 'fr-closed' }),
        step('no-such-type', { to: '2022-09-12', types: ['closure', 'parade'] }),
        step('too-early', { to: '2021-06-01' }),
        step('backwards', { from: '2023-01-01', to: '2022-09-12' }),
        step('not-a-day', { to: '2022-09' }),
        step('no-to', { station: 'ie-dublin' }),
        step('two-places', { to: '2022-09-12', station: 'ie-dublin', country: 'IE' }),
        step('bad-camera', { to: '2022-09-12', camera: '5/95/0' }),
        step('extra-field', { to: '2022-09-12', zoom: 4 }),
        step('no-chinese', { to: '2022-09-12' }, { title: { en: 'Only English' } }),
        step('Bad Id', { to: '2022-09-12' }),
      ],
    };
    const { story } = validateStory(raw, refs, LANGS);
    // A missing language is an error for the checker; the app still shows the step (in English).
    expect(story.steps.map((s) => s.id)).toEqual(['ok', 'no-chinese']);
    expect(lines(raw)).toEqual([
      'data/story.json: steps[1] id=ok: id "ok" is used by another step too',
      'data/story.json: steps[2] id=no-such-station: state.station "fr-nowhere" is not a station',
      'data/story.json: steps[3] id=no-such-country: state.country "FR" has no station or event',
      'data/story.json: steps[4] id=not-a-country: state.country "XX" is not an ISO 3166-1 alpha-2 country code',
      'data/story.json: steps[5] id=no-such-event: state.event "fr-closed" is not an event',
      'data/story.json: steps[6] id=no-such-type: state.types "parade" is not an event type',
      'data/story.json: steps[7] id=too-early: state.to "2021-06-01" is outside the story (2022-01-01 to 2025-12-31)',
      'data/story.json: steps[8] id=backwards: state.from "2023-01-01" is after to ("2022-09-12")',
      'data/story.json: steps[9] id=not-a-day: state.to "2022-09" is not a day of the form YYYY-MM-DD',
      'data/story.json: steps[10] id=no-to: state.to is missing',
      'data/story.json: steps[11] id=two-places: state {"to":"2022-09-12","station":"ie-dublin","country":"IE"} has more than one of station, country and event',
      'data/story.json: steps[12] id=bad-camera: state.camera is not a camera: {"lon", "lat", "zoom"} or "zoom/lat/lon", zoom 0 to 24',
      'data/story.json: steps[13] id=extra-field: state.zoom is not a known field',
      'data/story.json: steps[14] id=no-chinese: title.zh-Hans is missing: config.json lists "zh-Hans"',
      'data/story.json: steps[14] id=no-chinese: title.zh-Hant is missing: config.json lists "zh-Hant"',
      'data/story.json: steps[15] id="Bad Id": id "Bad Id" is not a slug (lower-case letters, digits and single hyphens)',
    ]);
  });

  it('says what is wrong with a file that is not a story', () => {
    expect(lines([step('a', { to: '2022-09-12' })])).toEqual(['data/story.json: should hold an object with a "steps" array']);
    expect(lines({ steps: [], title: 'x' })).toEqual(['data/story.json: title is not a known field']);
  });
});

describe('check-data reads story.json', () => {
  it('passes the real story: 6 to 10 steps, every state naming real records, every language present', () => {
    const { problems } = checkData('data');
    expect(problems.filter((p) => p.file === 'data/story.json')).toEqual([]);
    const raw = JSON.parse(readFileSync('data/story.json', 'utf8')) as { steps: { id: string; title: Record<string, string> }[] };
    expect(raw.steps.length).toBeGreaterThanOrEqual(6);
    expect(raw.steps.length).toBeLessThanOrEqual(10);
    const read = readDataDir('data');
    const model = buildModel(read.result!.dataset);
    const { story } = validateStory(raw, stateContext(model, model.eventById, LANGS), LANGS);
    expect(story.steps).toHaveLength(raw.steps.length);
  });

  it('reports a bad step by file, step and field, and a Chinese text in the wrong script', () => {
    const dir = mkdtempSync(join(tmpdir(), 'story-'));
    cpSync('tests/fixtures/good-data', dir, { recursive: true });
    writeFileSync(
      join(dir, 'story.json'),
      JSON.stringify({ steps: [step('a', { to: '2022-10-26', station: 'ie-nowhere' }), step('b', { to: '2022-10-26' }, { title: { en: 'Dublin', 'zh-Hans': '都柏林', 'zh-Hant': '爱尔兰' } })] }),
    );
    const out = reportLines(checkData(dir).problems, 'x');
    expect(out.filter((l) => l.includes('story.json'))).toEqual([
      expect.stringMatching(/story\.json: steps\[0\] id=a: state\.station "ie-nowhere" is not a station$/),
      expect.stringMatching(/story\.json: steps\[1\] id=b: title\.zh-Hant has simplified characters: 爱/),
    ]);
  });
});

describe('a step in the state', () => {
  const base = smallContext({ start: day(2022, 1, 1), langs: LANGS });
  const steps = [
    step('announcement', { to: '2022-01-22' }),
    step('dublin', { to: '2022-10-26', station: 'ie-dublin', types: ['closure'] }),
    step('europe', { from: '2022-10-01', to: '2022-11-01', camera: { lon: 0, lat: 51.5, zoom: 3.6 } }),
  ];
  const ctx: StateContext = { ...base, steps: stepViews(validateStory({ steps }, base, LANGS).story.steps, base) };

  it('shows its view: what it leaves out is the default, and the range never runs backwards', () => {
    const s = reduce(defaultState(ctx), { type: 'set-step', step: 'dublin' }, ctx);
    expect(s).toMatchObject({ step: 'dublin', to: day(2022, 10, 26), from: day(2022, 9, 1), selection: { kind: 'station', id: 'ie-dublin' }, types: ['closure'], camera: null, view: 'map' });
    // Before the default range starts: from moves back to the step's day.
    expect(reduce(s, { type: 'set-step', step: 'announcement' }, ctx)).toMatchObject({ from: day(2022, 1, 22), to: day(2022, 1, 22), selection: null, types: base.types });
    const europe = reduce(s, { type: 'set-step', step: 'europe' }, ctx);
    expect(europe).toMatchObject({ from: day(2022, 10, 1), camera: { lon: 0, lat: 51.5, zoom: 3.6 }, selection: null });
  });

  it('looks the same from wherever the reader comes, in their language and theme', () => {
    const wandered = { ...defaultState(ctx), selection: { kind: 'country' as const, id: 'NL' }, camera: { lon: 5, lat: 52, zoom: 7 }, view: 'list' as const, lang: 'zh-Hant', theme: 'dark' as const, types: ['report'] };
    const a = reduce(wandered, { type: 'set-step', step: 'dublin' }, ctx);
    const b = reduce(defaultState(ctx), { type: 'set-step', step: 'dublin' }, ctx);
    expect({ ...a, lang: 'en', theme: 'auto' }).toEqual(b);
    expect([a.lang, a.theme]).toEqual(['zh-Hant', 'dark']);
  });

  it('leaving the tour keeps the view to explore from; an unknown step changes nothing', () => {
    const on = reduce(defaultState(ctx), { type: 'set-step', step: 'dublin' }, ctx);
    const off = reduce(on, { type: 'set-step', step: null }, ctx);
    expect(off).toEqual({ ...on, step: null });
    expect(reduce(on, { type: 'set-step', step: 'no-such-step' }, ctx)).toEqual(on);
    // The reader may look around within a step; the step stays until they leave or move on.
    expect(reduce(on, { type: 'select', selection: { kind: 'country', id: 'NL' } }, ctx).step).toBe('dublin');
  });

  it('?step= opens at a step; the URL is ?step= while the view is the step\'s, the view itself once the reader moves away', () => {
    const s = stateFromQuery('?step=dublin&lang=zh-Hant', ctx);
    expect(s).toMatchObject({ step: 'dublin', selection: { kind: 'station', id: 'ie-dublin' }, lang: 'zh-Hant' });
    expect(queryFromState(s, ctx)).toBe('?step=dublin&lang=zh-Hant');
    // Fields after the step apply on top of it.
    expect(stateFromQuery('?step=dublin&station=nl-amsterdam', ctx)).toMatchObject({ step: 'dublin', selection: { kind: 'station', id: 'nl-amsterdam' }, types: ['closure'] });
    const moved = reduce(s, { type: 'set-camera', camera: { lon: -6, lat: 53, zoom: 6 } }, ctx);
    expect(queryFromState(moved, ctx)).toBe('?to=2022-10-26&station=ie-dublin&types=closure&lang=zh-Hant&at=6/53/-6');
    expect(stateFromQuery('?step=nowhere', ctx)).toEqual(defaultState(ctx));
  });

  it('a message moves to a step (null leaves the tour), and the state a host hears names the step', () => {
    const patch = patchFromFields({ step: 'europe' });
    const s = reduce(defaultState(ctx), { type: 'patch', patch }, ctx);
    expect(s.step).toBe('europe');
    expect(stateToPlain(s).step).toBe('europe');
    expect(reduce(s, { type: 'patch', patch: patchFromFields({ step: null }) }, ctx).step).toBeNull();
    expect(patchFromFields({ step: 42 })).toEqual({});
  });

  it('a step the story no longer has is dropped when the context changes', () => {
    const s = reduce(defaultState(ctx), { type: 'set-step', step: 'dublin' }, ctx);
    expect(normalizeState(s, base).step).toBeNull();
    expect(normalizeState(s, ctx).step).toBe('dublin');
  });
});

describe('the demo article generated from the steps', () => {
  it('has one section per step in the page\'s language, marks an English fallback, and escapes every text', async () => {
    const { storyDemoHtml, demoFileName } = await import('../../scripts/lib/story-build');
    const read = readDataDir('data');
    const config = read.result!.dataset.config;
    const hostile = { ...step('a', { to: '2022-09-12' }), title: { en: '<script>alert(1)</script>', 'zh-Hant': '"><img src=x onerror=alert(1)>' } };
    const html = storyDemoHtml({ config, steps: [hostile, step('b', { to: '2022-09-13' }, { title: { en: 'Only English' } })] as never, lang: 'zh-Hant' });
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<section class="step"/g)).toHaveLength(2);
    expect(html).toContain('<h2 lang="en">Only English</h2>');
    expect(html).toContain('storycard=0&amp;lang=zh-Hant&amp;step=a');
    expect([demoFileName('en', LANGS), demoFileName('zh-Hant', LANGS)]).toEqual(['embed-demo.html', 'embed-demo.zh-Hant.html']);
  });
});
