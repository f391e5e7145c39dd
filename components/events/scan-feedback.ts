/** The three kinds of check-in result that sound and vibrate differently at the door. */
export type FeedbackKind = 'accepted' | 'duplicate' | 'rejected'

interface Tone {
  frequencyHz: number
  type: OscillatorType
  /** Beep lengths in seconds, separated by equal gaps. */
  beeps: number[]
}

const TONES: Record<FeedbackKind, Tone> = {
  accepted: { frequencyHz: 1320, type: 'sine', beeps: [0.12] },
  duplicate: { frequencyHz: 660, type: 'triangle', beeps: [0.12, 0.12] },
  rejected: { frequencyHz: 220, type: 'square', beeps: [0.45] },
}

// Vibration patterns in milliseconds: on, off, on.
const VIBRATIONS: Record<FeedbackKind, number[]> = {
  accepted: [80],
  duplicate: [80, 80, 80],
  rejected: [400],
}

/**
 * Plays result tones through Web Audio and vibrates where the device can. Browsers start an
 * AudioContext suspended until a user gesture, so `unlock` must run inside a click handler.
 */
export class ScanFeedback {
  private context: AudioContext | null = null

  unlock(): void {
    try {
      this.context ??= new AudioContext()
      void this.context.resume()
    } catch {
      // No Web Audio (old or locked-down browsers): the coloured panel and its words remain.
    }
  }

  play(kind: FeedbackKind): void {
    this.beep(TONES[kind])
    if (typeof navigator.vibrate === 'function') navigator.vibrate(VIBRATIONS[kind])
  }

  close(): void {
    void this.context?.close()
    this.context = null
  }

  private beep(tone: Tone): void {
    const context = this.context
    if (!context || context.state !== 'running') return

    let start = context.currentTime
    for (const length of tone.beeps) {
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      oscillator.type = tone.type
      oscillator.frequency.value = tone.frequencyHz
      // A short fade in and out avoids the click of a sound that starts or stops abruptly.
      gain.gain.setValueAtTime(0, start)
      gain.gain.linearRampToValueAtTime(0.3, start + 0.01)
      gain.gain.setValueAtTime(0.3, start + length - 0.02)
      gain.gain.linearRampToValueAtTime(0, start + length)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(start)
      oscillator.stop(start + length)
      start += length * 2
    }
  }
}
