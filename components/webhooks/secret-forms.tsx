'use client'

import { useActionState } from 'react'

import { createWebhookAction, rotateWebhookSecretAction, type SecretState } from '@/app/actions/webhooks'
import { CopyButton } from '@/components/ui/copy-button'

const EVENT_TYPES = ['scan.recorded', 'checkin.accepted', 'code.created'] as const

function NewSecret({ state }: { state: SecretState }) {
  if (state.error) {
    const label = { url: 'Endpoint URL', description: 'Description', events: 'Events', codeIds: 'Code ids' }
    return (
      <p role="alert" className="text-sm text-red-700">
        {state.field ? `${label[state.field]}: ` : ''}
        {state.error}
      </p>
    )
  }
  if (!state.secret) return null
  return (
    <div role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
      <p>Copy the signing secret now: it will not be shown again.</p>
      <div className="mt-2 flex items-center gap-2">
        <code className="break-all font-mono" data-testid="webhook-secret">
          {state.secret}
        </code>
        <CopyButton text={state.secret} label="Copy signing secret" />
      </div>
    </div>
  )
}

export function CreateWebhookForm() {
  const [state, formAction, pending] = useActionState<SecretState, FormData>(createWebhookAction, {})
  const values = state.values
  const invalid = (field: SecretState['field']) => (state.field === field ? 'border-red-500' : 'border-slate-300')

  return (
    <div className="space-y-3">
      {/* Keyed by the submission: React resets a form after its action, and the remount brings back what was typed. */}
      <form key={state.submission ?? 0} action={formAction} className="space-y-3">
        <label className="block text-sm font-medium text-slate-700">
          Endpoint URL
          <input
            name="url"
            type="url"
            required
            defaultValue={values?.url}
            aria-invalid={state.field === 'url' ? true : undefined}
            placeholder="https://hooks.example.com/scanboard"
            className={`mt-1 block w-full rounded-md border px-3 py-2 text-base shadow-sm ${invalid('url')}`}
          />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Description (optional)
          <input name="description" type="text" maxLength={200} defaultValue={values?.description} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm" />
        </label>
        <fieldset className="text-sm">
          <legend className="font-medium text-slate-700">Events</legend>
          {EVENT_TYPES.map((type) => (
            <label key={type} className="mr-4 inline-flex items-center gap-1">
              <input type="checkbox" name="events" value={type} defaultChecked={values ? values.events.includes(type) : type === 'scan.recorded'} />
              <code>{type}</code>
            </label>
          ))}
        </fieldset>
        <label className="block text-sm font-medium text-slate-700">
          Code ids (optional; empty for every code)
          <textarea name="codeIds" rows={2} defaultValue={values?.codeIds} className={`mt-1 block w-full rounded-md border px-3 py-2 font-mono text-sm shadow-sm ${invalid('codeIds')}`} />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60">
          Add endpoint
        </button>
      </form>
      <NewSecret state={state} />
    </div>
  )
}

export function RotateSecretForm({ endpointId }: { endpointId: string }) {
  const [state, formAction, pending] = useActionState<SecretState, FormData>(rotateWebhookSecretAction, {})

  return (
    <div className="space-y-2">
      <form action={formAction}>
        <input type="hidden" name="id" value={endpointId} />
        <button type="submit" disabled={pending} className="text-indigo-700 underline">
          Rotate secret
        </button>
      </form>
      <NewSecret state={state} />
    </div>
  )
}
