'use client'

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

import { createQrDecoder } from '@/components/events/qr-decoder'
import { RepeatFilter } from '@/components/events/repeat-filter'

export type CameraFailure = 'denied' | 'no-camera' | 'in-use' | 'unsupported' | 'stopped' | 'error'

export type CameraState = { status: 'off' } | { status: 'starting' } | { status: 'scanning' } | { status: 'failed'; reason: CameraFailure }

// Time between decode attempts.
const FRAME_INTERVAL_MS = 120
// A short pause after each result, so staff can read it before the next badge is taken.
const PAUSE_AFTER_RESULT_MS = 1500
// How long one decoded text is ignored after its result. Longer than the pause, so a badge still
// in front of the camera does not turn its green result amber at once.
const REPEAT_WINDOW_MS = 4000

const CONSTRAINTS: MediaStreamConstraints = { video: { facingMode: { ideal: 'environment' } }, audio: false }

function classifyCameraError(error: unknown): CameraFailure {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera'
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use'
  return 'error'
}

interface ScanRun {
  stopped: boolean
  stream: MediaStream | null
  timer: ReturnType<typeof setTimeout> | undefined
}

/**
 * Opens the camera into `videoRef` and decodes QR codes continuously. `onDecoded` is awaited
 * before the next frame is decoded, so only one check-in request is in flight at a time. A
 * frame that fails to decode and an `onDecoded` that throws are both skipped: nothing a badge
 * shows can stop the loop. `start` must be called from a user gesture on iOS Safari.
 */
export function useQrScanner(videoRef: RefObject<HTMLVideoElement | null>, onDecoded: (text: string) => Promise<void>) {
  const [state, setState] = useState<CameraState>({ status: 'off' })
  const runRef = useRef<ScanRun | null>(null)
  const onDecodedRef = useRef(onDecoded)

  useEffect(() => {
    onDecodedRef.current = onDecoded
  }, [onDecoded])

  const stop = useCallback(() => {
    const run = runRef.current
    runRef.current = null
    if (!run) return
    run.stopped = true
    clearTimeout(run.timer)
    run.stream?.getTracks().forEach((track) => track.stop())
    if (videoRef.current) videoRef.current.srcObject = null
  }, [videoRef])

  const start = useCallback(async () => {
    if (runRef.current) return
    const video = videoRef.current
    if (!video) return
    // Browsers expose mediaDevices only in secure contexts: HTTPS, or localhost.
    if (!navigator.mediaDevices?.getUserMedia) {
      setState({ status: 'failed', reason: 'unsupported' })
      return
    }

    const run: ScanRun = { stopped: false, stream: null, timer: undefined }
    runRef.current = run
    setState({ status: 'starting' })

    try {
      run.stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS)
    } catch (error) {
      if (runRef.current === run) runRef.current = null
      if (!run.stopped) setState({ status: 'failed', reason: classifyCameraError(error) })
      return
    }
    if (run.stopped) {
      run.stream.getTracks().forEach((track) => track.stop())
      return
    }

    // A camera unplugged or taken away by the system ends its track.
    run.stream.getVideoTracks()[0]?.addEventListener('ended', () => {
      if (run.stopped) return
      stop()
      setState({ status: 'failed', reason: 'stopped' })
    })

    video.srcObject = run.stream
    try {
      await video.play()
      const decode = await createQrDecoder()
      if (run.stopped) return
      setState({ status: 'scanning' })
      scanLoop(run, video, decode, onDecodedRef)
    } catch (error) {
      console.error('The camera opened but scanning could not start.', error)
      stop()
      setState({ status: 'failed', reason: 'error' })
    }
  }, [videoRef, stop])

  const turnOff = useCallback(() => {
    stop()
    setState({ status: 'off' })
  }, [stop])

  useEffect(() => stop, [stop])

  return { state, start, stop: turnOff }
}

function scanLoop(
  run: ScanRun,
  video: HTMLVideoElement,
  decode: (video: HTMLVideoElement) => Promise<string | null>,
  onDecodedRef: RefObject<(text: string) => Promise<void>>,
) {
  const repeats = new RepeatFilter(REPEAT_WINDOW_MS)
  let pausedUntil = 0

  const tick = async () => {
    if (run.stopped) return
    if (Date.now() >= pausedUntil) {
      let text: string | null = null
      try {
        text = await decode(video)
      } catch {
        // A frame the decoder cannot handle (for example while the stream is resizing): try the next one.
      }
      if (text !== null && !run.stopped && !repeats.isRecent(text, Date.now())) {
        try {
          await onDecodedRef.current(text)
        } catch (error) {
          console.error('Handling a scanned code failed; scanning goes on.', error)
        }
        repeats.remember(text, Date.now())
        pausedUntil = Date.now() + PAUSE_AFTER_RESULT_MS
      }
    }
    if (!run.stopped) run.timer = setTimeout(() => void tick(), FRAME_INTERVAL_MS)
  }

  void tick()
}
