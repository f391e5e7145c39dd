'use client'

import { useActionState } from 'react'

import { createApiKeyAction, type CreateApiKeyState } from '@/app/actions/api-keys'
import { CopyButton } from '@/components/ui/copy-button'

export function CreateApiKeyForm() {
  const [state, formAction, pending] = useActionState<CreateApiKeyState, FormData>(createApiKeyAction, {})

  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="grow">
          <label htmlFor="key-name" className="text-sm font-medium text-slate-700">
            Key name
          </label>
          <input
            id="key-name"
            name="name"
            type="text"
            placeholder="Print shop integration"
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? 'key-name-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60"
        >
          Create key
        </button>
      </form>
      {state.error ? (
        <p id="key-name-error" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state.key ? (
        <div role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          <p>
            Key <strong>{state.name}</strong> created. Copy it now: it is not stored and will not be shown again.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code className="break-all font-mono" data-testid="new-api-key">
              {state.key}
            </code>
            <CopyButton text={state.key} label="Copy API key" />
          </div>
        </div>
      ) : null}
    </div>
  )
}
