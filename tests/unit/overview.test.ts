import { describe, expect, it } from 'vitest';
import { synthesize, rng } from '../../scripts/lib/synthetic';
import { readDataTexts } from '../../scripts/lib/read-data';
import { overviewJson } from '../../scripts/lib/overview-file';
import { buildModel, countModelEvents, countryResponseAsOf, statusAsOf, type Model } from '../../src/model/model';
import { overviewMatches, readOverview, textChecksum, trustedDataset, type Preview } from '../../src/model/overview';
import { validateDataset } from '../../src/model/validate';
import { dayFromYmd } from '../../src/model/dates';
import { config } from './helpers';
import { StationLayout } from '../../src/map/station-layout';

const today = dayFromYmd(2026, 11, 28);

function textsOf(seed: number, stations: number, events: number) {
  const data = synthesize(config, { stations, events, seed });
  return { config: JSON.stringify(config), stations: JSON.stringify(data.stations), events: JSON.stringify(data.events), sources: JSON.stringify(data.sources) };
}

function modelOf(texts: ReturnType<typeof textsOf>): Model {
  const raw = { stations: JSON.parse(texts.stations), events: JSON.parse(texts.events), sources: JSON.parse(texts.sources) };
  return buildModel(validateDataset(raw, config, { today }).dataset);
}

function previewOf(texts: ReturnType<typeof textsOf>): Preview {
  const preview = readOverview(JSON.parse(overviewJson(texts, today)!), config, textChecksum(texts.config));
  if (typeof preview === 'string') throw new Error(preview);
  return preview;
}

/** Every answer the first frame reads, from the preview and from the model, on random days and ranges. */
function expectSameAnswers(model: Model, preview: Preview, seed: number): void {
  const random = rng(seed);
  const dayIn = () => model.start - 30 + Math.floor(random() * (model.end - model.start + 60));
  expect(preview.model.start).toBe(model.start);
  expect(preview.model.end).toBe(model.end);
  expect(preview.model.countries).toEqual(model.countries);
  expect(preview.model.stations.map((s) => [s.id, s.lon, s.lat, s.props.country, s.props.locationPrecision])).toEqual(
    model.stations.map((s) => [s.id, s.lon, s.lat, s.props.country, s.props.locationPrecision]),
  );
  expect(preview.total).toBe(model.events.length);
  // The badges of the first frame are those the model's stations would cluster into.
  expect(preview.placeTree).toEqual(new StationLayout(model.stations).tree);
  // The timeline's marks while the events load: one per event, on the day it counts from (the last
  // of its date, where the model's mark is), in that order.
  const marks = preview.marks();
  expect(marks.map((m) => m.end)).toEqual(model.events.map((e) => e.end));
  const byDayAndType = (list: readonly { end: number; type: string }[]) => list.map((m) => `${m.end} ${m.type}`).sort();
  expect(byDayAndType(marks)).toEqual(byDayAndType(model.events));
  expect(marks.every((m) => m.end === m.start)).toBe(true);
  expect(preview.model.firstDated).toBe(model.firstDated);
  expect([...preview.typesPresent].sort()).toEqual([...new Set(model.events.map((e) => e.type))].sort());
  const typeIds = config.eventTypes.map((t) => t.id);
  const countModel = countModelEvents(model);
  for (let i = 0; i < 40; i++) {
    const day = dayIn();
    expect(preview.model.stations.map((s) => statusAsOf(preview.model, s, day))).toEqual(model.stations.map((s) => statusAsOf(model, s, day)));
    expect(model.countries.map((c) => countryResponseAsOf(preview.model, c, day))).toEqual(model.countries.map((c) => countryResponseAsOf(model, c, day)));
    const [from, to] = [dayIn(), dayIn()].sort((a, b) => a - b);
    const types = typeIds.filter(() => random() < 0.6);
    expect(preview.countEvents(from, to, types), `${from}..${to} ${types.join(',')}`).toBe(countModel(from, to, types));
  }
}

describe('the overview', () => {
  it('answers like the model: statuses, responses and event counts on any day and range', () => {
    for (const seed of [1, 2, 3]) {
      const texts = textsOf(seed, 60, 900);
      expectSameAnswers(modelOf(texts), previewOf(texts), seed);
    }
  });

  it('answers like the model on the story data, with its partial dates', () => {
    const texts = readDataTexts('data') as Required<ReturnType<typeof readDataTexts>>;
    const model = modelOf({ ...texts, config: JSON.stringify(config) });
    expect(model.events.some((e) => e.precision !== 'day')).toBe(true);
    expectSameAnswers(model, previewOf({ ...texts, config: JSON.stringify(config) }), 9);
  });

  it('tells a preview that matches the model from one whose events have changed since', () => {
    const texts = textsOf(10, 30, 300);
    const preview = previewOf(texts);
    expect(overviewMatches(preview, modelOf(texts))).toBe(true);
    const events = JSON.parse(texts.events) as { setsStatus?: string }[];
    const changed = events.findIndex((e) => e.setsStatus !== undefined);
    events[changed].setsStatus = events[changed].setsStatus === 'closed' ? 'charged' : 'closed';
    expect(overviewMatches(preview, modelOf({ ...texts, events: JSON.stringify(events) }))).toBe(false);
    expect(overviewMatches(preview, modelOf({ ...texts, events: JSON.stringify(events.slice(1)) }))).toBe(false);
  });

  it('lets the app skip validating texts the build validated and kept whole, and only those', () => {
    const texts = textsOf(11, 40, 400);
    const preview = previewOf(texts);
    expect(preview.basis.validated).toBe(true);
    const parsed = { stations: JSON.parse(texts.stations), events: JSON.parse(texts.events), sources: JSON.parse(texts.sources) };
    const validated = validateDataset(parsed, config, { today }).dataset;
    const sums = (t: typeof texts) => ({ stations: textChecksum(t.stations), events: textChecksum(t.events), sources: textChecksum(t.sources) });
    expect(trustedDataset(preview.basis, config, sums(texts), parsed)).toEqual(validated);
    // Any other text, even one space more, is validated.
    expect(trustedDataset(preview.basis, config, sums({ ...texts, events: `${texts.events} ` }), parsed)).toBeNull();
    expect(trustedDataset(preview.basis, config, sums({ ...texts, sources: `${texts.sources} ` }), parsed)).toBeNull();
    expect(trustedDataset(preview.basis, config, sums({ ...texts, stations: `${texts.stations} ` }), parsed)).toBeNull();
    // Data with an error (a reference to no source) or a record validation rewrites is not "validated".
    const events = JSON.parse(texts.events) as { sources: string[] }[];
    events[0].sources = [...events[0].sources, 'no-such-source'];
    expect(previewOf({ ...texts, events: JSON.stringify(events) }).basis.validated).toBe(false);
    // Validation trims text: a title with a space around it is kept, trimmed, without an error.
    const spaced = JSON.parse(texts.events) as { title: Record<string, string> }[];
    spaced[0].title = { ...spaced[0].title, en: ` ${spaced[0].title.en} ` };
    expect(validateDataset({ ...parsed, events: spaced }, config, { today }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(previewOf({ ...texts, events: JSON.stringify(spaced) }).basis.validated).toBe(false);
  });

  it('is not used for other data: a changed stations or config text', () => {
    const texts = textsOf(4, 20, 100);
    const raw = JSON.parse(overviewJson(texts, today)!);
    expect(readOverview(raw, config, textChecksum('{}'))).toBe('derived from other data');
    const preview = readOverview(raw, config, textChecksum(texts.config));
    if (typeof preview === 'string') throw new Error(preview);
    // The stations are checked when they arrive.
    expect(preview.basis.stations).toBe(textChecksum(texts.stations));
    expect(preview.basis.stations).not.toBe(textChecksum(`${texts.stations} `));
  });

  it('rejects a malformed overview with the part that is wrong, never throws', () => {
    const texts = textsOf(5, 20, 100);
    const good = JSON.parse(overviewJson(texts, today)!);
    const basis = textChecksum(texts.config);
    const edit = (change: (o: Record<string, unknown> & typeof good) => void) => {
      const o = structuredClone(good);
      change(o);
      return readOverview(o, config, basis);
    };
    expect(readOverview(null, config, basis)).toBe('not an overview');
    expect(readOverview([], config, basis)).toBe('not an overview');
    expect(edit((o) => (o.format = 'chronomap-overview/0'))).toBe('not an overview');
    expect(edit((o) => (o.end = o.start - 1))).toBe('start or end');
    expect(edit((o) => (o.countries = ['NL', 7]))).toBe('countries');
    expect(edit((o) => (o.stations.lon[3] = '12'))).toBe('stations');
    expect(edit((o) => (o.stations.lat[3] = 91))).toBe('stations');
    expect(edit((o) => (o.stations.precision[2] = 2))).toBe('stations');
    expect(edit((o) => o.stations.visibleFrom.pop())).toBe('stations');
    expect(edit((o) => (o.changes.status[0] = config.statuses.length))).toBe('status changes');
    expect(edit((o) => (o.changes.status[0] = 'closed'))).toBe('status changes');
    expect(edit((o) => (o.changes.station[0] = o.stations.id.length))).toBe('status changes');
    expect(edit((o) => o.changes.day.pop())).toBe('status changes');
    expect(edit((o) => o.changes.station.reverse())).toBe('status changes');
    const country = Object.keys(good.responses)[0];
    expect(edit((o) => (o.responses[country].rank[0] = 99))).toBe(`responses of ${country}`);
    expect(edit((o) => (o.responses[country] = [[o.start, 1]]))).toBe(`responses of ${country}`);
    const type = Object.keys(good.events)[0];
    expect(edit((o) => (o.events['no-such-type'] = o.events[type]))).toBe('events of type no-such-type');
    expect(edit((o) => (o.events[type].startDay[1] = 0))).toBe(`events of type ${type}`);
    expect(edit((o) => (o.events[type].ends = o.events[type].ends.slice(1)))).toBe(`events of type ${type}`);
    expect(edit((o) => (o.events[type].starts[0] = 0))).toBe(`events of type ${type}`);
    expect(edit((o) => (o.events[type].ends[0] += 1))).toBe(`events of type ${type}`);
    // A malformed clustering is only left out: the map clusters the places itself.
    const treeOf = (change: (o: Record<string, unknown> & typeof good) => void) => {
      const read = edit(change);
      if (typeof read === 'string') throw new Error(read);
      return read.placeTree;
    };
    expect(treeOf(() => undefined)).not.toBeNull();
    expect(treeOf((o) => delete o.placeTree)).toBeNull();
    expect(treeOf((o) => o.placeTree.parent.reverse())).toBeNull();
  });

  it('is much smaller than the files it stands for at 10,000 events', () => {
    const texts = textsOf(6, 1000, 10_000);
    const size = overviewJson(texts, today)!.length;
    expect(size).toBeLessThan((texts.stations.length + texts.events.length) / 5);
  });
});
