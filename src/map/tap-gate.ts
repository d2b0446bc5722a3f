// Which touches MapLibre needs to see. A one-finger tap is the overlay's (it selects what is under
// it); given to MapLibre too, its touch handlers run before the tap's click and, when the touch
// ends, repaint the whole map (and our canvases with it) in the frame that should show the tap's
// answer. So a touch is held back until it is a gesture MapLibre has a use for: it moves beyond
// MapLibre's click tolerance, a second finger lands (a pinch), or it is the second tap of a double
// tap (zoom in, or tap and drag to zoom). Then what was held is replayed to MapLibre, in order,
// and the rest goes straight through. The mouse events a browser sends after a tap (for pages
// that know no touch) are kept from MapLibre too: its mouse handlers would repaint as well.
// Pure: the DOM side is in map-view.ts.

export type TouchPhase = 'start' | 'move' | 'end' | 'cancel';

export interface TouchInput {
  readonly phase: TouchPhase;
  /** The event's time, ms. */
  readonly time: number;
  /** Fingers on the screen after this event. */
  readonly fingers: number;
  /** Where the first changed finger is, px. */
  readonly x: number;
  readonly y: number;
}

export interface GateDecision<E> {
  /** Held events to hand to MapLibre now, before this one. */
  readonly replay: readonly E[];
  /** Whether this event goes on to MapLibre. */
  readonly pass: boolean;
}

/** MapLibre's defaults: its click tolerance, and how soon and near a second tap makes a double tap. */
export const MOVE_TOLERANCE_PX = 3;
export const DOUBLE_TAP_MS = 500;
export const DOUBLE_TAP_PX = 30;
/** The mouse events that follow a tap come within this long of its end. */
export const COMPAT_MOUSE_MS = 1000;

export class TapGate<E> {
  private state: 'idle' | 'holding' | 'open' = 'idle';
  private held: E[] = [];
  private startX = 0;
  private startY = 0;
  /** The last tap kept from MapLibre: replayed if a second tap makes it a double tap. */
  private lastTap: { readonly events: readonly E[]; readonly time: number; readonly x: number; readonly y: number } | null = null;

  offer(event: E, input: TouchInput): GateDecision<E> {
    if (this.state === 'open') {
      if (input.fingers === 0) this.state = 'idle';
      return { replay: [], pass: true };
    }
    if (this.state === 'idle') {
      if (input.phase !== 'start') return { replay: [], pass: true };
      const last = this.lastTap;
      this.lastTap = null;
      if (input.fingers > 1) return this.open([], input);
      if (last && input.time - last.time < DOUBLE_TAP_MS && Math.hypot(input.x - last.x, input.y - last.y) < DOUBLE_TAP_PX) return this.open(last.events, input);
      this.state = 'holding';
      this.held = [event];
      this.startX = input.x;
      this.startY = input.y;
      return { replay: [], pass: false };
    }
    // Holding one finger.
    switch (input.phase) {
      case 'start':
        return this.open(this.held, input);
      case 'move':
        if (Math.hypot(input.x - this.startX, input.y - this.startY) > MOVE_TOLERANCE_PX) return this.open(this.held, input);
        return { replay: [], pass: false };
      case 'end':
        if (input.fingers > 0) return { replay: [], pass: false };
        this.lastTap = { events: [...this.held, event], time: input.time, x: input.x, y: input.y };
        this.held = [];
        this.state = 'idle';
        return { replay: [], pass: false };
      case 'cancel':
        this.held = [];
        this.state = 'idle';
        return { replay: [], pass: false };
    }
  }

  /** Whether a mouse event goes on to MapLibre: not one that a held tap made. */
  passMouse(time: number, x: number, y: number): boolean {
    const last = this.lastTap;
    return !(last && time - last.time < COMPAT_MOUSE_MS && Math.hypot(x - last.x, y - last.y) < DOUBLE_TAP_PX);
  }

  private open(replay: readonly E[], input: TouchInput): GateDecision<E> {
    this.held = [];
    this.state = input.fingers === 0 ? 'idle' : 'open';
    return { replay, pass: true };
  }
}
