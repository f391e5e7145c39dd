'use client'

import { useActionState } from 'react'

import { createCampaignAction } from '@/app/actions/campaigns'
import type { FormState } from '@/app/actions/events'
import { borderFor, FieldError, inputClass, primaryButtonClass } from '@/components/ui/form'
import { MAX_CAMPAIGN_NAME_LENGTH } from '@/lib/campaigns/schema'

export function CreateCampaignForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(createCampaignAction, { status: 'idle', submission: 0 })
  const errors = state.fieldErrors ?? {}

  return (
    <form action={formAction} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold">Create a campaign</h2>
      <p className="text-sm text-slate-600">A campaign adds up the scans of several codes, for example one code on each poster.</p>
      <div key={state.submission}>
        <label htmlFor="campaign-name" className="text-sm font-medium text-slate-700">
          Campaign name
        </label>
        <input
          id="campaign-name"
          name="name"
          type="text"
          maxLength={MAX_CAMPAIGN_NAME_LENGTH * 2}
          placeholder="Spring posters"
          defaultValue={state.values?.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'campaign-name-error' : undefined}
          className={`${inputClass} ${borderFor(errors.name)}`}
        />
        <FieldError id="campaign-name-error" message={errors.name} />
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? 'Creating…' : 'Create campaign'}
        </button>
        <p aria-live="polite" className="text-sm text-red-700">
          {state.status === 'error' ? state.message : null}
        </p>
      </div>
    </form>
  )
}
