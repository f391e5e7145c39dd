'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { requireAdminAction } from '@/lib/auth/guards'
import { toFieldErrors, updateCodeSchema, type FieldErrors } from '@/lib/codes/schema'
import { getCode, removeCode, updateCodeSettings } from '@/lib/codes/service'
import { resolveSiteOrigin } from '@/lib/http/site-origin'

export interface UpdateCodeState {
  status: 'idle' | 'error' | 'saved'
  message?: string
  fieldErrors?: FieldErrors
  /** The submitted values after a rejected save, so the form comes back with nothing lost. */
  values?: Record<string, string>
  submission: number
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

/** Saves the code page's settings form: title, destination, pause, expiry, cap and fallback. */
export async function updateCodeAction(previous: UpdateCodeState, formData: FormData): Promise<UpdateCodeState> {
  await requireAdminAction()
  const submission = previous.submission + 1
  const code = await getCode(text(formData, 'id'))
  if (!code) return { status: 'error', message: 'This code no longer exists.', submission }

  const values = {
    title: text(formData, 'title'),
    destination: text(formData, 'destination'),
    expiresAt: text(formData, 'expiresAt'),
    maxScans: text(formData, 'maxScans'),
    fallbackUrl: text(formData, 'fallbackUrl'),
    paused: formData.get('paused') === 'on' ? 'on' : '',
  }
  const maxScans = values.maxScans.trim()
  const raw: Record<string, unknown> = {
    title: text(formData, 'title'),
    paused: formData.get('paused') === 'on',
    // The browser converts its local date and time to ISO with its own offset before sending.
    expiresAt: text(formData, 'expiresAt') || null,
    maxScans: maxScans === '' ? null : Number(maxScans),
    fallbackUrl: text(formData, 'fallbackUrl'),
  }
  if (code.kind === 'url') raw.destination = text(formData, 'destination')

  const parsed = updateCodeSchema.safeParse(raw)
  if (!parsed.success) return { status: 'error', message: 'Check the highlighted field.', fieldErrors: toFieldErrors(parsed.error), values, submission }
  const result = await updateCodeSettings(code.id, raw, parsed.data, resolveSiteOrigin(await headers()))
  if (!result.ok) {
    return { status: 'error', message: 'Check the highlighted field.', fieldErrors: 'fieldErrors' in result ? result.fieldErrors : {}, values, submission }
  }
  revalidatePath(`/codes/${code.id}`)
  revalidatePath('/')
  return { status: 'saved', message: 'Saved. The QR code stays the same.', submission }
}

export async function archiveCodeAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  const code = await getCode(text(formData, 'id'))
  if (!code) return
  const archived = text(formData, 'archived') === 'true'
  await updateCodeSettings(code.id, { archived }, { archived, title: null, expiresAt: undefined }, resolveSiteOrigin(await headers()))
  revalidatePath(`/codes/${code.id}`)
  revalidatePath('/')
}

export async function deleteCodeAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  await removeCode(text(formData, 'id'))
  revalidatePath('/')
  redirect('/')
}
