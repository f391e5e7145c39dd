'use client'

import { useActionState } from 'react'

import { addAttendeeAction, type FormState } from '@/app/actions/events'
import { borderFor, FieldError, inputClass, primaryButtonClass } from '@/components/ui/form'

const FIELDS = [
  { name: 'name', label: 'Name', type: 'text', autoComplete: 'off' },
  { name: 'email', label: 'Email (optional)', type: 'email', autoComplete: 'off' },
  { name: 'ticketType', label: 'Ticket type (optional)', type: 'text', autoComplete: 'off' },
] as const

/** Adds one person to the list by hand. */
export function AddAttendeeForm({ eventId }: { eventId: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(addAttendeeAction, { status: 'idle', submission: 0 })
  const errors = state.fieldErrors ?? {}

  return (
    <form action={formAction} noValidate className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold">Add a person</h2>
      <input type="hidden" name="eventId" value={eventId} />
      <div key={state.submission} className="mt-3 grid gap-3 sm:grid-cols-3">
        {FIELDS.map((field) => (
          <div key={field.name}>
            <label htmlFor={`attendee-${field.name}`} className="text-sm font-medium text-slate-700">
              {field.label}
            </label>
            <input
              id={`attendee-${field.name}`}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              defaultValue={state.values?.[field.name]}
              aria-invalid={errors[field.name] ? true : undefined}
              aria-describedby={errors[field.name] ? `attendee-${field.name}-error` : undefined}
              className={`${inputClass} ${borderFor(errors[field.name])}`}
            />
            <FieldError id={`attendee-${field.name}-error`} message={errors[field.name]} />
          </div>
        ))}
      </div>
      <div className="mt-3 flex items-center gap-4">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? 'Adding…' : 'Add person'}
        </button>
        <p aria-live="polite" className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>
          {state.message}
        </p>
      </div>
    </form>
  )
}
