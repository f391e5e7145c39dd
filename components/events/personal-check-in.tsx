'use client'

import { useActionState } from 'react'

import { checkInWithPersonalCodeAction, type PersonalCheckInState } from '@/app/actions/check-in'
import { CheckInResultPanel } from '@/components/events/check-in-result'
import { LocalTime } from '@/components/ui/local-time'

interface PersonalCheckInProps {
  token: string
  checkedInAt: string | null
  checkedInBy: string | null
  cancelled: boolean
  /** Staff, or an event with self check-in on. */
  canCheckIn: boolean
}

/** The state of a personal code and, where allowed, the button that checks its holder in. */
export function PersonalCheckIn({ token, checkedInAt, checkedInBy, cancelled, canCheckIn }: PersonalCheckInProps) {
  const [state, formAction, pending] = useActionState<PersonalCheckInState, FormData>(checkInWithPersonalCodeAction, {})

  if (state.result) return <CheckInResultPanel result={state.result} className="w-full" />

  if (cancelled) {
    return (
      <p role="status" className="w-full rounded-xl bg-red-50 p-4 text-lg text-red-900">
        This ticket is cancelled. Ask at the help desk.
      </p>
    )
  }
  if (checkedInAt) {
    return (
      <p role="status" className="w-full rounded-xl bg-green-50 p-4 text-lg text-green-900">
        Checked in at <LocalTime iso={checkedInAt} format="time" />
        {checkedInBy ? ` (${checkedInBy})` : ''}.
      </p>
    )
  }
  if (!canCheckIn) {
    return <p className="text-lg text-slate-700">Show this code at the entrance to check in.</p>
  }

  return (
    <form action={formAction} className="flex w-full flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-xl bg-slate-900 px-6 py-4 text-xl font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {pending ? 'Checking in…' : 'Check in'}
      </button>
      {state.error ? (
        <p role="alert" className="text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  )
}
