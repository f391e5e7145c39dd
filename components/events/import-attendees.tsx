'use client'

import Link from 'next/link'
import { useState } from 'react'

import { primaryButtonClass } from '@/components/ui/form'

interface ColumnMapping {
  name: number
  lastName: number | null
  email: number | null
  ticketType: number | null
}

interface Preview {
  headers: string[]
  preview: string[][]
  rowCount: number
  mapping: ColumnMapping
  errors: { row: number; field: string; message: string }[]
  errorCount: number
  validCount: number
}

type Stage =
  | { kind: 'choose' }
  | { kind: 'checking' }
  | { kind: 'preview' }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; imported: number; skipped: number }

const FIELDS: { key: keyof ColumnMapping; label: string; optional: boolean }[] = [
  { key: 'name', label: 'Name', optional: false },
  { key: 'lastName', label: 'Last name (joined to the name)', optional: true },
  { key: 'email', label: 'Email', optional: true },
  { key: 'ticketType', label: 'Ticket type', optional: true },
]

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } }
    return body.error?.message ?? `The server answered ${response.status}.`
  } catch {
    return `The server answered ${response.status}.`
  }
}

/** Upload, preview, column mapping, row checks and a progress bar for an attendee CSV. */
export function ImportAttendees({ eventId }: { eventId: string }) {
  const [csv, setCsv] = useState<string | null>(null)
  const [fileName, setFileName] = useState('')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [skipInvalid, setSkipInvalid] = useState(false)
  const [stage, setStage] = useState<Stage>({ kind: 'choose' })
  const [error, setError] = useState<string | null>(null)

  const endpoint = `/api/events/${eventId}/import`

  const check = async (text: string, mapping?: ColumnMapping) => {
    setStage({ kind: 'checking' })
    setError(null)
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ csv: text, mapping, dryRun: true }),
      })
      if (!response.ok) {
        setError(await errorMessage(response))
        // A refused mapping keeps the last good preview, so the organiser can pick again.
        setStage(mapping ? { kind: 'preview' } : { kind: 'choose' })
        return
      }
      setPreview(((await response.json()) as { preview: Preview }).preview)
      setStage({ kind: 'preview' })
    } catch {
      setError('Could not reach the server. Check the connection and try again.')
      setStage(mapping ? { kind: 'preview' } : { kind: 'choose' })
    }
  }

  const onFile = async (file: File | undefined) => {
    setPreview(null)
    setSkipInvalid(false)
    if (!file) return
    setFileName(file.name)
    const text = await file.text()
    setCsv(text)
    await check(text)
  }

  const changeMapping = (key: keyof ColumnMapping, value: string) => {
    if (!preview || csv === null) return
    const column = value === '' ? null : Number(value)
    void check(csv, { ...preview.mapping, [key]: key === 'name' ? (column ?? 0) : column })
  }

  const runImport = async () => {
    if (!preview || csv === null) return
    setError(null)
    setStage({ kind: 'importing', done: 0, total: preview.validCount })
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ csv, mapping: preview.mapping, skipInvalid }),
      })
      if (!response.ok || !response.body) {
        setError(await errorMessage(response))
        setStage({ kind: 'preview' })
        return
      }
      // Progress arrives as one JSON object per line.
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffered = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffered += value
        const lines = buffered.split('\n')
        buffered = lines.pop() ?? ''
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as { type: string; done?: number; total?: number; imported?: number; skipped?: number; message?: string }
          if (message.type === 'progress') setStage({ kind: 'importing', done: message.done ?? 0, total: message.total ?? 0 })
          if (message.type === 'done') setStage({ kind: 'done', imported: message.imported ?? 0, skipped: message.skipped ?? 0 })
          if (message.type === 'error') {
            setError(message.message ?? 'The import failed. Nothing was imported.')
            setStage({ kind: 'preview' })
          }
        }
      }
    } catch {
      setError('The connection broke during the import. Nothing was imported unless the attendee list shows the new people; check it before trying again.')
      setStage({ kind: 'preview' })
    }
  }

  if (stage.kind === 'done') {
    return (
      <div role="status" className="space-y-3 rounded-xl border border-green-200 bg-green-50 p-5">
        <p className="text-lg font-semibold text-green-900">
          Imported {stage.imported.toLocaleString('en')} {stage.imported === 1 ? 'person' : 'people'}.
          {stage.skipped > 0 ? ` Skipped ${stage.skipped.toLocaleString('en')} rows with problems.` : ''}
        </p>
        <Link href={`/events/${eventId}`} className="text-indigo-700 underline">
          Back to the event
        </Link>
      </div>
    )
  }

  const blocked = !preview || preview.validCount === 0 || (preview.errorCount > 0 && !skipInvalid)

  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <label htmlFor="csv-file" className="text-sm font-medium text-slate-700">
          CSV file with a header row (for example: name, email, ticket type)
        </label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void onFile(event.target.files?.[0])}
          className="mt-2 block w-full text-sm"
        />
        {stage.kind === 'checking' ? <p className="mt-2 text-sm text-slate-600">Checking {fileName}…</p> : null}
        {error ? (
          <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </section>

      {preview ? (
        <>
          <section aria-labelledby="mapping-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="mapping-heading" className="text-lg font-semibold">
              Columns
            </h2>
            <div className="mt-3 grid gap-3 sm:grid-cols-4">
              {FIELDS.map((field) => (
                <div key={field.key}>
                  <label htmlFor={`map-${field.key}`} className="text-sm font-medium text-slate-700">
                    {field.label}
                  </label>
                  <select
                    id={`map-${field.key}`}
                    value={preview.mapping[field.key] ?? ''}
                    onChange={(event) => changeMapping(field.key, event.target.value)}
                    disabled={stage.kind !== 'preview'}
                    className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                  >
                    {field.optional ? <option value="">(none)</option> : null}
                    {preview.headers.map((header, index) => (
                      <option key={index} value={index}>
                        {header}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>

            <h3 className="mt-5 text-sm font-medium text-slate-700">First rows of the file</h3>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="import-preview">
                <thead className="text-slate-500">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">Row</th>
                    {preview.headers.map((header, index) => (
                      <th key={index} scope="col" className="py-1 pr-3 font-medium">
                        {header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {preview.preview.map((row, rowIndex) => (
                    <tr key={rowIndex}>
                      <td className="py-1 pr-3 text-slate-500">{rowIndex + 2}</td>
                      {preview.headers.map((_, index) => (
                        <td key={index} className="py-1 pr-3 break-words whitespace-pre-wrap">
                          {row[index] ?? ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="check-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="check-heading" className="text-lg font-semibold">
              Check
            </h2>
            <p data-testid="import-summary">
              {preview.rowCount.toLocaleString('en')} rows: {preview.validCount.toLocaleString('en')} ready to import
              {preview.errorCount > 0 ? `, ${preview.errorCount.toLocaleString('en')} with problems` : ''}.
            </p>
            {preview.errorCount > 0 ? (
              <>
                <ul className="max-h-64 list-disc overflow-y-auto pl-5 text-sm text-red-800" data-testid="import-errors">
                  {preview.errors.map((rowError, index) => (
                    <li key={index}>
                      Row {rowError.row}: {rowError.message}
                    </li>
                  ))}
                </ul>
                {preview.errors.length < preview.errorCount ? (
                  <p className="text-sm text-slate-600">
                    Showing the first {preview.errors.length} of {preview.errorCount.toLocaleString('en')} problems.
                  </p>
                ) : null}
                <p className="text-sm text-slate-700">Fix the file and choose it again, or skip these rows.</p>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)} className="h-4 w-4" />
                  Skip the {preview.errorCount === 1 ? 'row' : `${preview.errorCount.toLocaleString('en')} rows`} with problems and import the rest
                </label>
              </>
            ) : null}

            {stage.kind === 'importing' ? (
              <div className="space-y-1">
                <progress
                  max={Math.max(1, stage.total)}
                  value={stage.done}
                  aria-label="Import progress"
                  className="h-3 w-full"
                />
                <p className="text-sm text-slate-600" aria-live="polite">
                  Importing… {stage.done.toLocaleString('en')} of {stage.total.toLocaleString('en')}
                </p>
              </div>
            ) : (
              <button type="button" onClick={() => void runImport()} disabled={blocked || stage.kind !== 'preview'} className={primaryButtonClass}>
                Import {(preview.validCount).toLocaleString('en')} {preview.validCount === 1 ? 'person' : 'people'}
              </button>
            )}
          </section>
        </>
      ) : null}
    </div>
  )
}
