// Plays `to` forward through the story. With reduced motion it steps a month at a time
// instead of animating day by day.
import { addMonths, type Day } from '../model/dates';

export interface PlayerOptions {
  readonly end: () => Day;
  readonly current: () => Day;
  readonly restartAt: () => Day;
  readonly setTo: (day: Day) => void;
  readonly daysPerSecond: () => number;
  readonly reducedMotion: () => boolean;
  readonly onStop: () => void;
}

export class Player {
  private frame = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private playing = false;
  private position = 0;
  private last = 0;

  constructor(private readonly opts: PlayerOptions) {}

  get isPlaying(): boolean {
    return this.playing;
  }

  start(): void {
    if (this.playing) return;
    const { opts } = this;
    this.playing = true;
    this.position = opts.current() >= opts.end() ? opts.restartAt() : opts.current();
    opts.setTo(this.position);
    if (opts.reducedMotion()) {
      this.timer = setInterval(() => this.advance(addMonths(this.position, 1)), 1000);
      return;
    }
    this.last = performance.now();
    const tick = (now: number) => {
      const dt = Math.min(0.25, (now - this.last) / 1000);
      this.last = now;
      this.advance(this.position + dt * opts.daysPerSecond());
      if (this.playing) this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private advance(next: number): void {
    const end = this.opts.end();
    this.position = Math.min(next, end);
    this.opts.setTo(Math.floor(this.position));
    if (this.position >= end) this.stop();
  }

  stop(): void {
    if (!this.playing) return;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.opts.onStop();
  }
}
