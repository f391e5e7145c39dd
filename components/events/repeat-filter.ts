/**
 * Remembers decoded texts for `windowMs` after their result was shown, so that a badge held in
 * front of the camera is not posted again at once and its green result does not turn amber.
 */
export class RepeatFilter {
  private readonly seen = new Map<string, number>()

  constructor(private readonly windowMs: number) {}

  /** Tells whether `text` had a result less than `windowMs` before `now` (milliseconds). */
  isRecent(text: string, now: number): boolean {
    const at = this.seen.get(text)
    return at !== undefined && now - at < this.windowMs
  }

  /** Records that `text` got its result at `now`, and drops texts older than the window. */
  remember(text: string, now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at >= this.windowMs) this.seen.delete(key)
    }
    this.seen.set(text, now)
  }
}
