'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import { AttendeeSearch } from '@/components/events/attendee-search'
import { CheckInResultPanel } from '@/components/events/check-in-result'
import { postCheckIn, type AttendeeMatch, type ScanResult } from '@/components/events/check-in-client'
import { ScanFeedback, type FeedbackKind } from '@/components/events/scan-feedback'
import { useDoorLabel } from '@/components/events/use-door-label'
import { useQrScanner, type CameraFailure, type CameraState } from '@/components/events/use-qr-scanner'
import { initialCounts, useLiveCounts } from '@/components/live/use-live-counts'
import { checkLine, MAX_DOOR_LENGTH } from '@/lib/events/schema'

interface ScannerProps {
  eventId: string
  eventName: string
  /** The venue code's id, which carries the event's live attendance counts. */
  codeId: string
  checkedIn: number
  expected: number
}

// A result stays on screen this long, so that it is not mistaken for the next person's.
const RESULT_VISIBLE_MS = 8000

const CAMERA_FAILURES: Record<CameraFailure, string> = {
  denied: 'Camera access was denied. Allow the camera for this site in the browser settings, then press Start camera again.',
  'no-camera': 'No camera was found on this device.',
  'in-use': 'The camera could not be opened. Close other apps that use it, then press Start camera again.',
  unsupported: 'This browser cannot open the camera on this page. Cameras need HTTPS (or localhost) and a current browser.',
  stopped: 'The camera stopped. Press Start camera to try again.',
  error: 'The camera could not be started. Press Start camera to try again.',
}

function feedbackFor(result: ScanResult): FeedbackKind {
  if (result.kind !== 'check-in') return 'rejected'
  if (result.result.outcome === 'accepted') return 'accepted'
  if (result.result.outcome === 'duplicate') return 'duplicate'
  return 'rejected'
}

/** Renders the door screen, which scans personal codes with the camera, with search by name as the fallback. */
export function Scanner({ eventId, eventName, codeId, checkedIn, expected }: ScannerProps) {
  const [door, saveDoor] = useDoorLabel()
  const [editingDoor, setEditingDoor] = useState(false)
  const [shown, setShown] = useState<{ id: number; value: ScanResult } | null>(null)
  const videoRef = useRef<HTMLVideoElement>(null)
  const feedbackRef = useRef<ScanFeedback | null>(null)
  const resultCountRef = useRef(0)

  const { counts, status } = useLiveCounts([codeId], initialCounts([{ id: codeId, scanCount: 0, lastScannedAt: null, checkedIn, expected }]))
  const live = counts[codeId]

  const feedback = () => (feedbackRef.current ??= new ScanFeedback())
  useEffect(() => () => feedbackRef.current?.close(), [])

  const show = useCallback((value: ScanResult) => {
    resultCountRef.current += 1
    setShown({ id: resultCountRef.current, value })
    feedbackRef.current?.play(feedbackFor(value))
  }, [])

  useEffect(() => {
    if (!shown) return
    const timer = setTimeout(() => setShown((current) => (current?.id === shown.id ? null : current)), RESULT_VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [shown])

  const onDecoded = useCallback(
    async (text: string) => {
      if (!door) return
      show(await postCheckIn(eventId, { code: text, door }))
    },
    [door, eventId, show],
  )
  const camera = useQrScanner(videoRef, onDecoded)

  const onSearchCheckIn = async (attendee: AttendeeMatch) => {
    if (!door) return
    feedback().unlock()
    show(await postCheckIn(eventId, { attendeeId: attendee.id, door }))
  }

  const startCamera = () => {
    // Inside the click handler: browsers allow audio only after a user gesture.
    feedback().unlock()
    void camera.start()
  }

  const needsDoor = door === null || editingDoor

  return (
    <div className="mx-auto flex min-h-screen w-full max-w-xl flex-col gap-5 px-4 py-4">
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 className="min-w-0 text-xl font-bold break-words">{eventName}</h1>
        <p className="text-lg tabular-nums">
          <span data-testid="checked-in-count" className="font-semibold">
            {(live?.checkedIn ?? checkedIn).toLocaleString('en')} / {(live?.expected ?? expected).toLocaleString('en')}
          </span>{' '}
          checked in
          {status !== 'live' ? <span className="ml-2 text-sm text-amber-700">({status === 'connecting' ? 'connecting…' : 'reconnecting…'})</span> : null}
        </p>
      </header>

      {door === undefined ? null : needsDoor ? (
        <DoorForm
          initial={door ?? ''}
          onSave={(label) => {
            saveDoor(label)
            setEditingDoor(false)
          }}
          onCancel={door === null ? undefined : () => setEditingDoor(false)}
        />
      ) : (
        <div className="flex items-center justify-between gap-3 rounded-xl bg-white px-4 py-3 shadow-sm">
          <p className="min-w-0 break-words">
            Door: <strong data-testid="door-label">{door}</strong>
          </p>
          <button type="button" onClick={() => setEditingDoor(true)} className="shrink-0 text-sm font-medium text-slate-700 underline">
            Change door
          </button>
        </div>
      )}

      {/* Kept mounted while the door is edited, so that the camera keeps its stream. */}
      <div className={door ? 'flex flex-col gap-5' : 'hidden'}>
        <div aria-live="polite" className="min-h-[6.5rem]">
          {shown ? <ScanResultPanel key={shown.id} result={shown.value} /> : <ReadyHint camera={camera.state} />}
        </div>

        <CameraPanel videoRef={videoRef} state={camera.state} onStart={startCamera} onStop={camera.stop} />

        <AttendeeSearch eventId={eventId} onCheckIn={onSearchCheckIn} />
      </div>
    </div>
  )
}

function DoorForm({ initial, onSave, onCancel }: { initial: string; onSave: (label: string) => void; onCancel?: () => void }) {
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string | null>(null)

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const checked = checkLine('Door', value, MAX_DOOR_LENGTH)
    if (!checked.ok) return setError(checked.message)
    if (checked.value === null) return setError('Enter a door or device name, so each check-in shows where it happened.')
    onSave(checked.value)
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm" noValidate>
      <label htmlFor="door-label" className="font-semibold">
        Door or device name
      </label>
      <p id="door-label-hint" className="text-sm text-slate-600">
        Saved on this device and recorded with every check-in from it.
      </p>
      <input
        id="door-label"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder="e.g. Door B"
        maxLength={MAX_DOOR_LENGTH}
        autoComplete="off"
        aria-describedby={error ? 'door-label-hint door-label-error' : 'door-label-hint'}
        aria-invalid={error ? true : undefined}
        className="rounded-lg border border-slate-300 px-3 py-3 text-lg"
      />
      {error ? (
        <p id="door-label-error" role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-3">
        <button type="submit" className="rounded-lg bg-slate-900 px-5 py-3 font-semibold text-white hover:bg-slate-700">
          Save door
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} className="rounded-lg border border-slate-300 px-5 py-3 font-medium">
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  )
}

/** Renders a check-in result, or a notice for a QR that is not a badge or a request that failed. */
function ScanResultPanel({ result }: { result: ScanResult }) {
  if (result.kind === 'check-in') return <CheckInResultPanel result={result.result} />

  const notABadge = result.kind === 'not-a-badge'
  return (
    <div
      role="status"
      data-testid="scan-notice"
      data-kind={result.kind}
      className={`rounded-2xl p-6 ${notABadge ? 'bg-slate-800 text-white' : 'bg-red-700 text-white'}`}
    >
      <div className="flex items-center gap-4">
        <span aria-hidden="true" className="text-5xl leading-none font-black">
          {notABadge ? '✕' : '⚠'}
        </span>
        <p className="text-2xl font-bold break-words">{notABadge ? 'Not a badge for this event' : 'Check-in failed'}</p>
      </div>
      <p className="mt-2 text-lg">{notABadge ? 'This QR code is not a personal badge. Scan the badge, or find the guest by name.' : result.message}</p>
    </div>
  )
}

function ReadyHint({ camera }: { camera: CameraState }) {
  const text = camera.status === 'scanning' ? 'Ready: hold a badge in front of the camera.' : 'Start the camera, or find a guest by name below.'
  return <p className="rounded-2xl border-2 border-dashed border-slate-300 p-6 text-center text-lg text-slate-600">{text}</p>
}

function CameraPanel({
  videoRef,
  state,
  onStart,
  onStop,
}: {
  videoRef: React.RefObject<HTMLVideoElement | null>
  state: CameraState
  onStart: () => void
  onStop: () => void
}) {
  const running = state.status === 'scanning' || state.status === 'starting'

  return (
    <section aria-label="Camera" className="flex flex-col gap-3">
      <div className={`relative overflow-hidden rounded-2xl bg-slate-900 ${running ? 'aspect-[4/3]' : 'hidden'}`}>
        <video ref={videoRef} playsInline muted className="h-full w-full object-cover" aria-label="Camera preview" />
        {state.status === 'starting' ? <p className="absolute inset-0 grid place-items-center text-white">Opening the camera…</p> : null}
      </div>

      {state.status === 'failed' ? (
        <p role="alert" className="rounded-xl bg-amber-50 p-4 text-amber-950">
          {CAMERA_FAILURES[state.reason]} You can still find guests by name below.
        </p>
      ) : null}

      {running ? (
        <button type="button" onClick={onStop} className="rounded-xl border border-slate-300 bg-white px-6 py-3 text-lg font-medium">
          Stop camera
        </button>
      ) : (
        <button type="button" onClick={onStart} className="rounded-xl bg-slate-900 px-6 py-4 text-xl font-semibold text-white hover:bg-slate-700">
          Start camera
        </button>
      )}
    </section>
  )
}
