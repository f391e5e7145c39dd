'use client'

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { CodeAnalytics } from '@/lib/scans/analytics'
import type { BreakdownEntry } from '@/lib/scans/breakdowns'

type Preset = '24h' | '7d' | '30d' | 'custom'

const PRESETS: { value: Preset; label: string }[] = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: 'custom', label: 'Custom' },
]

const LABEL_NAMES: Record<keyof CodeAnalytics['totals']['hitsByLabel'], string> = {
  human: 'Human',
  bot: 'Bots and link previews',
  prefetch: 'Browser prefetches',
  head: 'HEAD requests',
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** Formats a Date's local calendar day as `YYYY-MM-DD`. */
function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Formats a Date's local wall time as `YYYY-MM-DDTHH:MM`. */
function localDateTime(date: Date): string {
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

function daysBefore(date: Date, days: number): Date {
  const copy = new Date(date)
  copy.setDate(copy.getDate() - days)
  return copy
}

/** Returns the `from` and `to` query values of a preset, in the browser's own zone. */
function presetRange(preset: Exclude<Preset, 'custom'>, now: Date): { from: string; to: string } {
  if (preset === '24h') {
    const nextHour = new Date(now)
    nextHour.setMinutes(60, 0, 0)
    return { from: localDateTime(new Date(nextHour.getTime() - 24 * 60 * 60 * 1000)), to: localDateTime(nextHour) }
  }
  const days = preset === '7d' ? 7 : 30
  return { from: localDate(daysBefore(now, days - 1)), to: localDate(now) }
}

type LoadResult = { status: 'error'; message: string } | { status: 'ready'; analytics: CodeAnalytics; uniquesAvailable: boolean }

const subscribeToNothing = () => () => {}
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone
// The server does not know the viewer's zone, so the server render waits for the browser.
const serverTimeZone = () => null

/**
 * The scan analytics of one code: counters, a chart of scans over time with a table
 * alternative, breakdowns by browser, system, device, country and referrer, and a CSV export,
 * for a range in the viewer's own time zone.
 */
export function CodeAnalytics({ codeId }: { codeId: string }) {
  const timeZone = useSyncExternalStore(subscribeToNothing, browserTimeZone, serverTimeZone)
  const [preset, setPreset] = useState<Preset>('7d')
  const [custom, setCustom] = useState(() => presetRange('30d', new Date()))
  // The result of the last request, with its query string, so a stale result shows as loading.
  const [loaded, setLoaded] = useState<{ query: string; result: LoadResult } | null>(null)
  const [showTable, setShowTable] = useState(false)

  // Presets are recomputed on each change so "last 24 hours" ends at the current hour.
  const range = useMemo(() => (preset === 'custom' ? custom : presetRange(preset, new Date())), [preset, custom])
  const query = timeZone ? new URLSearchParams({ from: range.from, to: range.to, tz: timeZone }).toString() : null
  const state = loaded && loaded.query === query ? loaded.result : { status: 'loading' as const }

  useEffect(() => {
    if (!query) return
    const controller = new AbortController()
    fetch(`/api/codes/${codeId}/analytics?${query}`, { signal: controller.signal, cache: 'no-store' })
      .then(async (response) => {
        const body = (await response.json()) as { analytics?: CodeAnalytics; uniquesAvailable?: boolean; error?: { message: string } }
        if (!response.ok || !body.analytics) throw new Error(body.error?.message ?? `Loading analytics failed with HTTP ${response.status}.`)
        setLoaded({ query, result: { status: 'ready', analytics: body.analytics, uniquesAvailable: body.uniquesAvailable !== false } })
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return
        setLoaded({ query, result: { status: 'error', message: error instanceof Error ? error.message : String(error) } })
      })
    return () => controller.abort()
  }, [codeId, query])

  return (
    <section className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="analytics-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="analytics-heading" className="text-lg font-semibold">
            Analytics
          </h2>
          {timeZone && <p className="text-sm text-slate-500">Times in {timeZone}.</p>}
        </div>
        {query && (
          <a href={`/api/codes/${codeId}/scans.csv?${query}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            Export scans (CSV)
          </a>
        )}
      </div>

      <RangePicker preset={preset} onPreset={setPreset} custom={custom} onCustom={setCustom} />

      {state.status === 'loading' && (
        <p className="text-sm text-slate-500" role="status">
          Loading…
        </p>
      )}
      {state.status === 'error' && (
        <p className="text-sm text-red-700" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <Counters totals={state.analytics.totals} uniquesAvailable={state.uniquesAvailable} />
          <ScansChart analytics={state.analytics} showTable={showTable} onToggleTable={() => setShowTable((shown) => !shown)} />
          <p className="text-xs text-slate-500">Breakdowns count human scans only.</p>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Breakdown title="Browsers" entries={state.analytics.browsers} />
            <Breakdown title="Operating systems" entries={state.analytics.operatingSystems} />
            <Breakdown title="Devices" entries={state.analytics.devices} />
            <Breakdown title="Countries" entries={state.analytics.countries} />
            <Breakdown title="Referrers" entries={state.analytics.referrers} />
          </div>
        </>
      )}
    </section>
  )
}

function RangePicker({
  preset,
  onPreset,
  custom,
  onCustom,
}: {
  preset: Preset
  onPreset: (preset: Preset) => void
  custom: { from: string; to: string }
  onCustom: (range: { from: string; to: string }) => void
}) {
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <fieldset className="flex flex-wrap gap-1">
        <legend className="sr-only">Range</legend>
        {PRESETS.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={preset === option.value}
            onClick={() => onPreset(option.value)}
            className={`rounded-md border px-3 py-1.5 ${preset === option.value ? 'border-slate-900 bg-slate-900 text-white' : 'border-slate-300 hover:bg-slate-100'}`}
          >
            {option.label}
          </button>
        ))}
      </fieldset>
      {preset === 'custom' && (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col">
            <span className="text-slate-500">From</span>
            <input
              type="date"
              value={custom.from}
              max={custom.to}
              onChange={(event) => event.target.value && onCustom({ ...custom, from: event.target.value })}
              className="rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="flex flex-col">
            <span className="text-slate-500">To (included)</span>
            <input
              type="date"
              value={custom.to}
              min={custom.from}
              onChange={(event) => event.target.value && onCustom({ ...custom, to: event.target.value })}
              className="rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
        </div>
      )}
    </div>
  )
}

function Counters({ totals, uniquesAvailable }: { totals: CodeAnalytics['totals']; uniquesAvailable: boolean }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      <div>
        <dt className="text-sm text-slate-500">Human scans</dt>
        <dd className="text-3xl font-semibold tabular-nums" data-testid="analytics-human-scans">
          {totals.humanScans.toLocaleString()}
        </dd>
      </div>
      <div>
        <dt className="text-sm text-slate-500">Unique scanners (unique per day)</dt>
        <dd className="text-3xl font-semibold tabular-nums">{uniquesAvailable ? totals.uniqueVisitorsPerDay.toLocaleString() : '—'}</dd>
        {uniquesAvailable ? null : (
          <dd className="text-xs text-slate-500">
            Not counted: this server has no trusted client address. Set CLIENT_IP_SOURCE (see the README) to count them.
          </dd>
        )}
      </div>
      <div>
        <dt className="text-sm text-slate-500">All hits</dt>
        <dd className="text-3xl font-semibold tabular-nums">{totals.hits.toLocaleString()}</dd>
        <dd className="text-xs text-slate-500">
          {(Object.keys(LABEL_NAMES) as (keyof typeof LABEL_NAMES)[]).map((label) => `${LABEL_NAMES[label]}: ${totals.hitsByLabel[label].toLocaleString()}`).join(' · ')}
        </dd>
      </div>
    </dl>
  )
}

/** Formats a bucket's start for axis ticks and the table, in the viewer's zone. */
function bucketFormatter(unit: CodeAnalytics['range']['unit'], timeZone: string): (iso: string) => string {
  const format =
    unit === 'day'
      ? new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium' })
      : new Intl.DateTimeFormat(undefined, { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })
  return (iso) => format.format(new Date(iso))
}

const UNIT_NAMES = { minute: 'per minute', hour: 'per hour', day: 'per day' } as const
const BUCKET_NAMES = { minute: 'one-minute', hour: 'hourly', day: 'daily' } as const

function ScansChart({ analytics, showTable, onToggleTable }: { analytics: CodeAnalytics; showTable: boolean; onToggleTable: () => void }) {
  const formatBucket = bucketFormatter(analytics.range.unit, analytics.range.timeZone)
  const data = analytics.series.map((bucket) => ({
    start: bucket.start,
    humans: bucket.humans,
    others: bucket.hits - bucket.humans,
  }))
  const busiest = analytics.series.reduce((best, bucket) => (bucket.humans > (best?.humans ?? 0) ? bucket : best), undefined as (typeof analytics.series)[number] | undefined)
  const summary =
    `${analytics.totals.humanScans.toLocaleString()} human scans in ${analytics.series.length} ${BUCKET_NAMES[analytics.range.unit]} buckets` +
    (busiest ? `, most at ${formatBucket(busiest.start)} (${busiest.humans.toLocaleString()}).` : '.')

  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-600">
        Scans {UNIT_NAMES[analytics.range.unit]}: {summary}
      </figcaption>
      <div className="h-64 w-full" aria-hidden={showTable}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="start" tickFormatter={formatBucket} minTickGap={24} label={{ value: `Time (${analytics.range.timeZone})`, position: 'insideBottom', offset: -16 }} />
            <YAxis allowDecimals={false} label={{ value: 'Scans', angle: -90, position: 'insideLeft' }} />
            <Tooltip labelFormatter={(label) => formatBucket(String(label))} />
            <Legend verticalAlign="top" />
            <Bar dataKey="humans" name="Human scans" stackId="hits" fill="#4338ca" />
            {/* Hatched, so the two series differ without colour too. */}
            <Bar dataKey="others" name="Other hits (bots, previews, HEAD)" stackId="hits" fill="url(#analytics-hatch)" stroke="#64748b" />
            <defs>
              <pattern id="analytics-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#e2e8f0" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#64748b" strokeWidth="2" />
              </pattern>
            </defs>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <button type="button" onClick={onToggleTable} aria-expanded={showTable} className="text-sm text-indigo-700 underline">
        {showTable ? 'Hide table' : 'Show as table'}
      </button>
      {showTable && (
        <div className="max-h-80 overflow-y-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  Starting at
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Human scans
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  All hits
                </th>
              </tr>
            </thead>
            <tbody>
              {analytics.series.map((bucket) => (
                <tr key={bucket.start} className="border-b border-slate-100 last:border-0">
                  <td className="py-1 pr-4">{formatBucket(bucket.start)}</td>
                  <td className="py-1 text-right tabular-nums">{bucket.humans.toLocaleString()}</td>
                  <td className="py-1 text-right tabular-nums">{bucket.hits.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  )
}

function Breakdown({ title, entries }: { title: string; entries: BreakdownEntry[] }) {
  const total = entries.reduce((sum, entry) => sum + entry.count, 0)
  return (
    <div>
      <h3 className="text-sm font-medium">{title}</h3>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">No scans in this range.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {entries.map((entry) => (
            <li key={entry.name} className="flex justify-between gap-2">
              <span className="truncate">{entry.name}</span>
              <span className="tabular-nums text-slate-600">
                {entry.count.toLocaleString()} ({Math.round((entry.count / total) * 100)}%)
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
