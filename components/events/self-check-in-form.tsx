'use client'

import { useActionState } from 'react'

import { selfCheckInAction, type SelfCheckInState } from '@/app/actions/self-check-in'
import { CheckInResultPanel } from '@/components/events/check-in-result'
import { inputClass } from '@/components/ui/form'

/** The form on the venue code's page: a name (or email) and a button. */
export function SelfCheckInForm({ slug, mode }: { slug: string; mode: 'list' | 'open' }) {
  const [state, formAction, pending] = useActionState<SelfCheckInState, FormData>(selfCheckInAction, { submission: 0 })

  if (state.result) return <CheckInResultPanel result={state.result} className="w-full" />

  return (
    <form action={formAction} noValidate className="flex w-full flex-col gap-3 text-left">
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="self-entry" className="text-lg font-medium">
        {mode === 'open' ? 'Your name' : 'Your full name or email address'}
      </label>
      <input
        key={state.submission}
        id="self-entry"
        name="entry"
        type="text"
        autoComplete={mode === 'open' ? 'name' : 'email'}
        defaultValue={state.entry}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? 'self-entry-error' : undefined}
        className={`${inputClass} ${state.error ? 'border-red-500' : 'border-slate-300'} text-lg`}
      />
      {state.error ? (
        <p id="self-entry-error" role="alert" className="text-red-700">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-xl bg-slate-900 px-6 py-4 text-xl font-semibold text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? 'Checking in…' : 'Check in'}
      </button>
    </form>
  )
}
