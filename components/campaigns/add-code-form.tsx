'use client'

import { useActionState } from 'react'

import { addCampaignCodeAction } from '@/app/actions/campaigns'
import type { FormState } from '@/app/actions/events'
import { borderFor, FieldError, inputClass, primaryButtonClass } from '@/components/ui/form'
import { MAX_CODES_PER_CAMPAIGN } from '@/lib/campaigns/types'

export interface PickerOption {
  id: string
  /** The code's title and short link path, as the option shows it. */
  text: string
}

/** Picks one existing code and appends it to the campaign. */
export function AddCodeForm({
  campaignId,
  options,
  full,
  truncatedAt,
}: {
  campaignId: string
  options: PickerOption[]
  /** True when the campaign contains the maximum number of codes. */
  full: boolean
  /** Set when the picker shows only the newest codes, to the number shown. */
  truncatedAt: number | null
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(addCampaignCodeAction, { status: 'idle', submission: 0 })
  const error = state.fieldErrors?.codeId

  // The last add's confirmation stays visible even when that add emptied the picker or filled the campaign.
  const confirmation = state.status === 'done' ? state.message : null
  const closed = full
    ? `This campaign contains ${MAX_CODES_PER_CAMPAIGN} codes, the maximum. Remove a code before adding another.`
    : options.length === 0
      ? 'Every code is in this campaign already. Create codes on the Codes page to add more.'
      : null
  if (closed) {
    return (
      <div className="space-y-2 text-sm">
        <p aria-live="polite" className="text-slate-600">
          {confirmation}
        </p>
        <p className="text-slate-600">{closed}</p>
      </div>
    )
  }

  return (
    <form action={formAction} className="space-y-2 text-sm">
      <input type="hidden" name="campaignId" value={campaignId} />
      <label htmlFor="campaign-add-code" className="font-medium text-slate-700">
        Code to add
      </label>
      <div className="flex flex-wrap items-start gap-3">
        <select
          key={state.submission}
          id="campaign-add-code"
          name="codeId"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'campaign-add-code-error' : undefined}
          className={`${inputClass} ${borderFor(error)} mt-0 max-w-md flex-1`}
        >
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.text}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? 'Adding…' : 'Add code'}
        </button>
      </div>
      <FieldError id="campaign-add-code-error" message={error} />
      <p aria-live="polite" className="text-slate-600">
        {confirmation}
      </p>
      {truncatedAt !== null ? <p className="text-slate-500">Showing the newest {truncatedAt} codes that are not in this campaign.</p> : null}
    </form>
  )
}
