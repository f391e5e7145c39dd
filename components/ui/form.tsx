/** The message under a form field, linked to it through `aria-describedby`. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  )
}

export const inputClass =
  'mt-1 block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500'

export function borderFor(error: string | undefined) {
  return error ? 'border-red-500' : 'border-slate-300'
}

export const primaryButtonClass =
  'rounded-md bg-indigo-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60'

export const secondaryButtonClass = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100'
