'use client'

import { useActionState } from 'react'

import { createEventAction, type FormState } from '@/app/actions/events'
import { SelfCheckInSelect } from '@/components/events/self-check-in-select'
import { borderFor, FieldError, inputClass, primaryButtonClass } from '@/components/ui/form'
import { MAX_EVENT_NAME_LENGTH } from '@/lib/events/schema'

export function CreateEventForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(createEventAction, { status: 'idle', submission: 0 })
  const errors = state.fieldErrors ?? {}

  return (
    <form action={formAction} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold">Create an event</h2>
      <div key={state.submission} className="space-y-4">
        <div>
          <label htmlFor="event-name" className="text-sm font-medium text-slate-700">
            Event name
          </label>
          <input
            id="event-name"
            name="name"
            type="text"
            maxLength={MAX_EVENT_NAME_LENGTH * 2}
            placeholder="Launch night"
            defaultValue={state.values?.name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'event-name-error' : undefined}
            className={`${inputClass} ${borderFor(errors.name)}`}
          />
          <FieldError id="event-name-error" message={errors.name} />
        </div>
        <SelfCheckInSelect
          id="event-self-check-in"
          label="Self check-in with the venue code"
          defaultValue={state.values?.selfCheckIn === 'list' || state.values?.selfCheckIn === 'open' ? state.values.selfCheckIn : 'off'}
          className={`${inputClass} border-slate-300`}
        />
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? 'Creating…' : 'Create event'}
        </button>
        <p aria-live="polite" className="text-sm text-red-700">
          {state.status === 'error' ? state.message : null}
        </p>
      </div>
    </form>
  )
}
