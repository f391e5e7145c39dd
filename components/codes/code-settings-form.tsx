'use client'

import { useActionState, useState } from 'react'

import { archiveCodeAction, deleteCodeAction, updateCodeAction, type UpdateCodeState } from '@/app/actions/update-code'
import { borderFor, FieldError, inputClass, primaryButtonClass, secondaryButtonClass } from '@/components/ui/form'

interface CodeSettingsFormProps {
  id: string
  kind: 'url' | 'message' | 'venue'
  title: string | null
  destination: string | null
  paused: boolean
  expiresAt: string | null
  maxScans: number | null
  fallbackUrl: string | null
  archived: boolean
}

/** Formats an ISO time as the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return ''
  const date = new Date(iso)
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

/** Edits a code's title and destination and its lifecycle: pause, expiry, maximum scans, fallback, archive, delete. */
export function CodeSettingsForm(props: CodeSettingsFormProps) {
  const [state, formAction, pending] = useActionState<UpdateCodeState, FormData>(updateCodeAction, { status: 'idle', submission: 0 })
  const values = state.values
  const [expiry, setExpiry] = useState(toLocalInput(props.expiresAt))
  const errors = state.fieldErrors ?? {}

  const field = (name: string, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={`code-${name}`} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {input}
      <FieldError id={`code-${name}-error`} message={errors[name]} />
    </div>
  )
  const describedBy = (name: string) => (errors[name] ? `code-${name}-error` : undefined)

  return (
    <section aria-labelledby="settings-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="settings-heading" className="text-lg font-semibold">
        Edit and schedule
      </h2>
      {/* Keyed by the submission: the fields remount with what was typed after a rejected save,
          and with the saved values after a good one. */}
      <form key={state.submission} action={formAction} noValidate className="grid gap-4 sm:grid-cols-2">
        <input type="hidden" name="id" value={props.id} />
        {/* The server cannot know the browser's time zone, so the expiry goes as ISO with its offset. */}
        <input type="hidden" name="expiresAt" value={expiry ? new Date(expiry).toISOString() : ''} />
        {field(
          'title',
          'Title',
          <input id="code-title" name="title" defaultValue={values?.title ?? props.title ?? ''} aria-describedby={describedBy('title')} className={`${inputClass} ${borderFor(errors.title)}`} />,
        )}
        {props.kind === 'url'
          ? field(
              'destination',
              'Destination URL (the QR stays the same)',
              <input
                id="code-destination"
                name="destination"
                type="url"
                defaultValue={values?.destination ?? props.destination ?? ''}
                aria-describedby={describedBy('destination')}
                className={`${inputClass} ${borderFor(errors.destination)}`}
              />,
            )
          : null}
        {field(
          'expiresAt',
          'Expires at (your time zone; empty for never)',
          <input
            id="code-expiresAt"
            type="datetime-local"
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
            aria-describedby={describedBy('expiresAt')}
            className={`${inputClass} ${borderFor(errors.expiresAt)}`}
          />,
        )}
        {field(
          'maxScans',
          'Maximum human scans, counting those so far (empty for no limit)',
          <input
            id="code-maxScans"
            name="maxScans"
            type="number"
            min={1}
            step={1}
            defaultValue={values?.maxScans ?? props.maxScans ?? ''}
            aria-describedby={describedBy('maxScans')}
            className={`${inputClass} ${borderFor(errors.maxScans)}`}
          />,
        )}
        {field(
          'fallbackUrl',
          'Fallback URL when paused, expired or at the limit (optional)',
          <input
            id="code-fallbackUrl"
            name="fallbackUrl"
            type="url"
            defaultValue={values?.fallbackUrl ?? props.fallbackUrl ?? ''}
            aria-describedby={describedBy('fallbackUrl')}
            className={`${inputClass} ${borderFor(errors.fallbackUrl)}`}
          />,
        )}
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="paused" defaultChecked={values ? values.paused === 'on' : props.paused} className="h-4 w-4" />
          Paused (scans get the paused page and do not count)
        </label>
        <div className="flex items-center gap-4 sm:col-span-2">
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {pending ? 'Saving…' : 'Save'}
          </button>
          <p aria-live="polite" className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>
            {state.message}
          </p>
        </div>
      </form>
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        <form action={archiveCodeAction}>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="archived" value={props.archived ? 'false' : 'true'} />
          <button type="submit" className={secondaryButtonClass}>
            {props.archived ? 'Restore from archive' : 'Archive (hide from the list; scans still work)'}
          </button>
        </form>
        <form
          action={deleteCodeAction}
          onSubmit={(event) => {
            if (!window.confirm('Delete this code and all its scans? Its short link will stop working for good.')) event.preventDefault()
          }}
        >
          <input type="hidden" name="id" value={props.id} />
          <button type="submit" className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50">
            Delete code and scans
          </button>
        </form>
      </div>
    </section>
  )
}
