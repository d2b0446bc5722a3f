import { describe, expect, it } from 'vitest';
import { DOUBLE_TAP_MS, MOVE_TOLERANCE_PX, TapGate, type TouchInput, type TouchPhase } from '../../src/map/tap-gate';

/** Feeds a gate named events; returns, for each, what reached MapLibre (replayed ones first). */
function run(steps: readonly [name: string, phase: TouchPhase, time: number, fingers: number, x: number, y: number][]): string[][] {
  const gate = new TapGate<string>();
  return steps.map(([name, phase, time, fingers, x, y]) => {
    const input: TouchInput = { phase, time, fingers, x, y };
    const { replay, pass } = gate.offer(name, input);
    return [...replay, ...(pass ? [name] : [])];
  });
}

describe('TapGate: which touches MapLibre sees', () => {
  it('keeps a tap from MapLibre, and the mouse events the browser sends after it', () => {
    const gate = new TapGate<string>();
    expect(gate.offer('start', { phase: 'start', time: 0, fingers: 1, x: 100, y: 100 })).toEqual({ replay: [], pass: false });
    expect(gate.offer('move', { phase: 'move', time: 20, fingers: 1, x: 101, y: 102 })).toEqual({ replay: [], pass: false });
    expect(gate.offer('end', { phase: 'end', time: 60, fingers: 0, x: 101, y: 102 })).toEqual({ replay: [], pass: false });
    expect(gate.passMouse(70, 101, 102)).toBe(false);
    // A real mouse elsewhere, or later, is MapLibre's.
    expect(gate.passMouse(70, 300, 300)).toBe(true);
    expect(gate.passMouse(2000, 101, 102)).toBe(true);
  });

  it('lets a drag through once it moves beyond the click tolerance, its start replayed first', () => {
    const d = MOVE_TOLERANCE_PX + 1;
    expect(
      run([
        ['start', 'start', 0, 1, 100, 100],
        ['small', 'move', 10, 1, 101, 100],
        ['far', 'move', 20, 1, 100 + d, 100],
        ['on', 'move', 30, 1, 150, 100],
        ['end', 'end', 40, 0, 150, 100],
        // The next touch is held again.
        ['next', 'start', 900, 1, 10, 10],
      ]),
    ).toEqual([[], [], ['start', 'far'], ['on'], ['end'], []]);
  });

  it('lets a pinch through when the second finger lands, and a touch that starts with two fingers', () => {
    expect(
      run([
        ['one', 'start', 0, 1, 100, 100],
        ['two', 'start', 30, 2, 200, 200],
        ['pinch', 'move', 40, 2, 210, 210],
        ['up', 'end', 60, 1, 210, 210],
        ['up2', 'end', 70, 0, 100, 100],
        ['both', 'start', 900, 2, 10, 10],
      ]),
    ).toEqual([[], ['one', 'two'], ['pinch'], ['up'], ['up2'], ['both']]);
  });

  it('replays a tap that a second tap soon after and near makes a double tap (zoom in, or tap and drag)', () => {
    expect(
      run([
        ['s1', 'start', 0, 1, 100, 100],
        ['e1', 'end', 50, 0, 100, 100],
        ['s2', 'start', 50 + DOUBLE_TAP_MS - 100, 1, 110, 105],
        ['e2', 'end', 50 + DOUBLE_TAP_MS - 50, 0, 110, 105],
      ]),
    ).toEqual([[], [], ['s1', 'e1', 's2'], ['e2']]);
  });

  it('keeps a second tap that comes late or far as a tap of its own', () => {
    expect(
      run([
        ['s1', 'start', 0, 1, 100, 100],
        ['e1', 'end', 50, 0, 100, 100],
        ['s2', 'start', 50 + DOUBLE_TAP_MS + 10, 1, 100, 100],
        ['e2', 'end', 50 + DOUBLE_TAP_MS + 60, 0, 100, 100],
        ['s3', 'start', 50 + DOUBLE_TAP_MS + 100, 1, 300, 300],
        ['e3', 'end', 50 + DOUBLE_TAP_MS + 150, 0, 300, 300],
      ]),
    ).toEqual([[], [], [], [], [], []]);
  });

  it('drops a cancelled touch, and passes what it never held', () => {
    expect(
      run([
        ['s', 'start', 0, 1, 100, 100],
        ['c', 'cancel', 10, 0, 100, 100],
        ['stray', 'move', 20, 0, 100, 100],
      ]),
    ).toEqual([[], [], ['stray']]);
  });
});
