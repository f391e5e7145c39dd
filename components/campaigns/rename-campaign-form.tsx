'use client'

import { useActionState } from 'react'

import { renameCampaignAction } from '@/app/actions/campaigns'
import type { FormState } from '@/app/actions/events'
import { borderFor, FieldError, inputClass, secondaryButtonClass } from '@/components/ui/form'
import { MAX_CAMPAIGN_NAME_LENGTH } from '@/lib/campaigns/schema'

export function RenameCampaignForm({ campaignId, name }: { campaignId: string; name: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(renameCampaignAction, { status: 'idle', submission: 0 })
  const errors = state.fieldErrors ?? {}

  return (
    <form action={formAction} noValidate className="space-y-2 text-sm">
      <input type="hidden" name="campaignId" value={campaignId} />
      <div key={state.submission}>
        <label htmlFor="campaign-rename" className="font-medium text-slate-700">
          Name
        </label>
        <input
          id="campaign-rename"
          name="name"
          type="text"
          maxLength={MAX_CAMPAIGN_NAME_LENGTH * 2}
          defaultValue={state.values?.name ?? name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'campaign-rename-error' : undefined}
          className={`${inputClass} ${borderFor(errors.name)}`}
        />
        <FieldError id="campaign-rename-error" message={errors.name} />
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          Rename
        </button>
        <p aria-live="polite" className={state.status === 'error' ? 'text-red-700' : 'text-slate-600'}>
          {state.status === 'error' || state.status === 'done' ? state.message : null}
        </p>
      </div>
    </form>
  )
}
