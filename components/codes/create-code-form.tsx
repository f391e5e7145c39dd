'use client'

import { useActionState, useState } from 'react'

import { createCodeAction, type CreateCodeState } from '@/app/actions/create-code'
import { CodePreview } from '@/components/codes/code-preview'
import { MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH } from '@/lib/codes/schema'
import type { CodeView } from '@/lib/codes/view'
import { borderFor, FieldError, inputClass } from '@/components/ui/form'

const INITIAL_STATE: CreateCodeState = { status: 'idle', submission: 0 }

/** Renders the create form and, below it, the QR of the code just created (or the newest one). */
export function CreateCodePanel({ newest }: { newest: CodeView | null }) {
  const [state, formAction, pending] = useActionState(createCodeAction, INITIAL_STATE)
  const [kind, setKind] = useState<'url' | 'message'>(state.values?.kind === 'message' ? 'message' : 'url')
  const errors = state.fieldErrors ?? {}
  const displayedCode = state.code ?? newest

  return (
    <div className="space-y-6">
      <form action={formAction} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">Create a QR code</h2>

        <fieldset>
          <legend className="text-sm font-medium text-slate-700">The code opens</legend>
          <div className="mt-2 flex gap-4">
            {/* React resets a form after each submission, which would put the radios back to their
                default while the fields below stay: remounting them keeps both in step. */}
            {(['url', 'message'] as const).map((option) => (
              <label key={`${state.submission}-${option}`} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="kind"
                  value={option}
                  defaultChecked={kind === option}
                  onChange={() => setKind(option)}
                  className="h-4 w-4"
                />
                {option === 'url' ? 'A web page (URL)' : 'A short message'}
              </label>
            ))}
          </div>
          <FieldError id="kind-error" message={errors.kind} />
        </fieldset>

        {/* Remounting on every submission restores what was typed after a rejected attempt. */}
        <div key={state.submission} className="space-y-4">
          {kind === 'url' ? (
            <div>
              <label htmlFor="destination" className="text-sm font-medium text-slate-700">
                URL
              </label>
              <input
                id="destination"
                name="destination"
                type="url"
                inputMode="url"
                autoComplete="url"
                placeholder="https://example.com/offer"
                defaultValue={state.values?.destination}
                aria-invalid={errors.destination ? true : undefined}
                aria-describedby={errors.destination ? 'destination-error' : undefined}
                className={`${inputClass} ${borderFor(errors.destination)}`}
              />
              <FieldError id="destination-error" message={errors.destination} />
            </div>
          ) : (
            <div>
              <label htmlFor="message" className="text-sm font-medium text-slate-700">
                Message <span className="font-normal text-slate-500">(up to {MAX_MESSAGE_LENGTH.toLocaleString('en')} characters)</span>
              </label>
              <textarea
                id="message"
                name="message"
                rows={4}
                defaultValue={state.values?.message}
                aria-invalid={errors.message ? true : undefined}
                aria-describedby={errors.message ? 'message-error' : undefined}
                className={`${inputClass} ${borderFor(errors.message)}`}
              />
              <FieldError id="message-error" message={errors.message} />
            </div>
          )}

          <div>
            <label htmlFor="title" className="text-sm font-medium text-slate-700">
              Title <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <input
              id="title"
              name="title"
              type="text"
              placeholder="Spring poster"
              defaultValue={state.values?.title}
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={errors.title ? 'title-error' : `title-hint`}
              className={`${inputClass} ${borderFor(errors.title)}`}
            />
            <p id="title-hint" className="sr-only">
              At most {MAX_TITLE_LENGTH} characters.
            </p>
            <FieldError id="title-error" message={errors.title} />
          </div>
        </div>

        <div className="flex items-center gap-4">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60"
          >
            {pending ? 'Creating…' : 'Create QR code'}
          </button>
          <p aria-live="polite" className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>
            {state.message}
          </p>
        </div>
      </form>

      {displayedCode ? (
        <CodePreview key={displayedCode.id} code={displayedCode} heading={state.code ? 'Your new code' : 'Newest code'} />
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">
          Your QR code will appear here.
        </p>
      )}
    </div>
  )
}
