'use client'

import { useEffect, useRef, useState } from 'react'

import { initialCounts, useLiveCounts, type LiveStatus } from '@/components/live/use-live-counts'

interface ProjectorProps {
  id: string
  title: string
  shortUrl: string
  qrSvgDataUri: string
  scanCount: number
  lastScannedAt: string | null
}

/**
 * Keeps the screen on while the page is visible, where the Wake Lock API exists. The
 * browser releases the lock when the tab is hidden, so it is requested again on return.
 */
function useWakeLock() {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return
    let sentinel: WakeLockSentinel | undefined
    let disposed = false

    const request = async () => {
      if (document.visibilityState !== 'visible') return
      try {
        const lock = await navigator.wakeLock.request('screen')
        if (disposed) await lock.release()
        else sentinel = lock
      } catch {
        // Denied, for example on battery saver: the screen may dim, nothing else breaks.
      }
    }

    void request()
    document.addEventListener('visibilitychange', request)
    return () => {
      disposed = true
      document.removeEventListener('visibilitychange', request)
      void sentinel?.release()
    }
  }, [])
}

/**
 * The full-screen frame of a projector page: a title, the live status, a full-screen button,
 * and the screen kept awake. The page's content goes in `children`.
 */
export function ProjectorShell({ title, status, children }: { title: string; status: LiveStatus; children: React.ReactNode }) {
  const rootRef = useRef<HTMLDivElement>(null)
  const [fullscreen, setFullscreen] = useState(false)

  useWakeLock()

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null)
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [])

  const toggleFullscreen = async () => {
    try {
      if (document.fullscreenElement) await document.exitFullscreen()
      else await rootRef.current?.requestFullscreen()
    } catch {
      // Some browsers refuse full screen (iframes, iOS Safari); the page still works as it is.
    }
  }

  return (
    <div ref={rootRef} className="flex min-h-screen flex-col bg-slate-950 text-white">
      <header className="flex items-start justify-between gap-4 px-5 py-5 sm:px-8">
        <h1 className="line-clamp-2 text-2xl font-semibold break-words sm:text-3xl lg:text-5xl">{title}</h1>
        <div className="flex shrink-0 items-center gap-4">
          {status !== 'live' ? (
            <span role="status" className="rounded-full bg-amber-400 px-4 py-1 text-lg font-semibold text-slate-950">
              {status === 'connecting' ? 'connecting…' : 'reconnecting…'}
            </span>
          ) : (
            <span role="status" className="sr-only">
              live
            </span>
          )}
          <button
            type="button"
            onClick={toggleFullscreen}
            className="rounded-md border border-white/30 px-4 py-2 text-lg whitespace-nowrap hover:bg-white/10"
          >
            {fullscreen ? 'Exit full screen' : 'Full screen'}
          </button>
        </div>
      </header>
      {children}
    </div>
  )
}

/** The QR beside a projector's count, with its link written out for people without a camera app. */
export function ProjectorQr({ qrSvgDataUri, shortUrl }: { qrSvgDataUri: string; shortUrl: string }) {
  return (
    <div className="flex flex-col items-center gap-4">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URI needs no image optimisation */}
      <img
        src={qrSvgDataUri}
        alt={`QR code for ${shortUrl}`}
        className="qr-image h-[min(40vh,40vw)] w-[min(40vh,40vw)] rounded-xl bg-white p-2"
      />
      <div className="font-mono text-xl text-slate-300 lg:text-2xl">{shortUrl.replace(/^https?:\/\//, '')}</div>
    </div>
  )
}

/** Shows the full-screen counter for a hall: the count in large digits, the QR beside it. */
export function Projector({ id, title, shortUrl, qrSvgDataUri, scanCount, lastScannedAt }: ProjectorProps) {
  const { counts, status } = useLiveCounts([id], initialCounts([{ id, scanCount, lastScannedAt }]))
  const count = counts[id]?.scanCount ?? scanCount

  return (
    <ProjectorShell title={title} status={status}>
      <main className="flex flex-1 flex-col items-center justify-center gap-12 px-8 pb-10 lg:flex-row lg:gap-24">
        <div className="text-center">
          <div
            className="font-bold leading-none tabular-nums"
            style={{ fontSize: 'clamp(6rem, 22vw, 28rem)' }}
            data-testid="projector-count"
            aria-live="polite"
          >
            {count.toLocaleString('en')}
          </div>
          <div className="mt-4 text-3xl text-slate-300 lg:text-5xl">{count === 1 ? 'scan' : 'scans'}</div>
        </div>
        <ProjectorQr qrSvgDataUri={qrSvgDataUri} shortUrl={shortUrl} />
      </main>
    </ProjectorShell>
  )
}
