'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'

import { requireAdminAction } from '@/lib/auth/guards'
import { createCodeSchema, loopError, toFieldErrors, type FieldErrors } from '@/lib/codes/schema'
import { createCode } from '@/lib/codes/service'
import { toCodeView, type CodeView } from '@/lib/codes/view'
import { resolveSiteOrigin } from '@/lib/http/site-origin'
import { logger } from '@/lib/logger'

export interface CreateCodeFormValues {
  kind: string
  title: string
  destination: string
  message: string
}

export interface CreateCodeState {
  status: 'idle' | 'error' | 'created'
  /** A message for the whole form, shown in its live region. */
  message?: string
  fieldErrors?: FieldErrors
  /** The submitted field values, so a rejected form comes back with nothing lost. */
  values?: CreateCodeFormValues
  code?: CodeView
  /** Grows on every submission, so the form fields remount with the returned values. */
  submission: number
}

function readFormValues(formData: FormData): CreateCodeFormValues {
  const text = (name: string) => {
    const value = formData.get(name)
    return typeof value === 'string' ? value : ''
  }
  return { kind: text('kind') || 'url', title: text('title'), destination: text('destination'), message: text('message') }
}

export async function createCodeAction(previous: CreateCodeState, formData: FormData): Promise<CreateCodeState> {
  await requireAdminAction()
  const values = readFormValues(formData)
  const submission = previous.submission + 1

  const parsed = createCodeSchema.safeParse({
    kind: values.kind,
    title: values.title,
    ...(values.kind === 'message' ? { message: values.message } : { destination: values.destination }),
  })
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted field.', fieldErrors: toFieldErrors(parsed.error), values, submission }
  }

  const origin = resolveSiteOrigin(await headers())
  const loop = parsed.data.kind === 'url' ? loopError(parsed.data.destination, origin) : null
  if (loop) return { status: 'error', message: 'Check the highlighted field.', fieldErrors: { destination: loop }, values, submission }

  try {
    const code = await createCode(parsed.data, origin)
    revalidatePath('/')
    return { status: 'created', message: 'QR code created.', code: toCodeView(code), values: { ...values, title: '', destination: '', message: '' }, submission }
  } catch (error) {
    logger.error({ err: error, kind: values.kind }, 'creating a code failed')
    return { status: 'error', message: 'The code could not be saved. Try again in a moment.', values, submission }
  }
}
