'use server'

import { revalidatePath } from 'next/cache'

import { requireAdminAction } from '@/lib/auth/guards'
import { readDesignFormData, updateCodeDesign } from '@/lib/codes/design-service'
import type { QrDesign } from '@/lib/codes/qr-design'
import type { FieldErrors } from '@/lib/codes/schema'
import { logger } from '@/lib/logger'

export interface SaveQrDesignState {
  status: 'idle' | 'error' | 'saved'
  /** A message for the whole form, shown in its live region. */
  message?: string
  fieldErrors?: FieldErrors
  /** The design as stored after a successful save. */
  design?: QrDesign
  /** Grows on every submission, so the form fields remount with the returned values. */
  submission: number
}

export async function saveQrDesignAction(previous: SaveQrDesignState, formData: FormData): Promise<SaveQrDesignState> {
  await requireAdminAction()
  const submission = previous.submission + 1
  const id = formData.get('id')
  if (typeof id !== 'string') return { status: 'error', message: 'The form is missing the code id. Reload the page.', submission }

  try {
    const result = await updateCodeDesign(id, await readDesignFormData(formData))
    if (result.status === 'not_found') return { status: 'error', message: 'This code no longer exists.', submission }
    if (result.status === 'invalid') {
      return { status: 'error', message: 'Check the highlighted field.', fieldErrors: result.fields, submission }
    }
    revalidatePath(`/codes/${id}`)
    return { status: 'saved', message: 'Design saved.', design: result.design, submission }
  } catch (error) {
    logger.error({ err: error, codeId: id }, 'saving a QR design failed')
    return { status: 'error', message: 'The design could not be saved. Try again in a moment.', submission }
  }
}
