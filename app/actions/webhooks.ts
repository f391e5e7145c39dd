'use server'

import { revalidatePath } from 'next/cache'

import { requireAdminAction } from '@/lib/auth/guards'
import { isUuid } from '@/lib/codes/service'
import { changeWebhookEndpoint, createWebhookEndpoint, redeliver, rotateWebhookSecret, sendTestEvent } from '@/lib/webhooks/endpoints'
import { createEndpointSchema } from '@/lib/webhooks/schema'

const PAGE = '/settings/webhooks'

export interface SecretState {
  error?: string
  /** The field the error is about, so the form can mark it. */
  field?: 'url' | 'description' | 'events' | 'codeIds'
  /** The submitted values after a rejected form, so nothing typed is lost. */
  values?: { url: string; description: string; events: string[]; codeIds: string }
  /** Grows on every submission, so the fields remount with the returned values. */
  submission?: number
  /** The new signing secret, shown once. */
  secret?: string
}

/** Creates an endpoint from the form: URL, events (checkboxes) and optional code ids, one per line. */
export async function createWebhookAction(previous: SecretState, formData: FormData): Promise<SecretState> {
  await requireAdminAction()

  const submission = (previous.submission ?? 0) + 1
  const values = {
    url: String(formData.get('url') ?? ''),
    description: String(formData.get('description') ?? ''),
    events: formData.getAll('events').map(String),
    codeIds: String(formData.get('codeIds') ?? ''),
  }
  const codeIdsText = values.codeIds.trim()
  const parsed = createEndpointSchema.safeParse({
    url: formData.get('url') ?? '',
    description: formData.get('description') || null,
    events: formData.getAll('events'),
    codeIds: codeIdsText ? codeIdsText.split(/[\s,]+/).filter(Boolean) : null,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path[0]
    return {
      error: issue?.message ?? 'Invalid endpoint.',
      field: field === 'url' || field === 'description' || field === 'events' || field === 'codeIds' ? field : undefined,
      values,
      submission,
    }
  }

  const result = await createWebhookEndpoint(parsed.data)
  if (!result.ok) return { error: 'fields' in result ? (result.fields.url ?? 'Invalid endpoint.') : 'Invalid endpoint.', field: 'url', values, submission }
  revalidatePath(PAGE)
  return { secret: result.value.secret, submission }
}

export async function rotateWebhookSecretAction(_previous: SecretState, formData: FormData): Promise<SecretState> {
  await requireAdminAction()
  const id = formData.get('id')
  const secret = typeof id === 'string' && isUuid(id) ? await rotateWebhookSecret(id.toLowerCase()) : null
  revalidatePath(PAGE)
  return secret ? { secret } : { error: 'The endpoint was not found; reload the page.' }
}

export async function setWebhookPausedAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  const id = formData.get('id')
  if (typeof id === 'string' && isUuid(id)) await changeWebhookEndpoint(id.toLowerCase(), { paused: formData.get('paused') === 'true' })
  revalidatePath(PAGE)
}

export async function sendTestWebhookAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  const id = formData.get('id')
  if (typeof id === 'string' && isUuid(id)) await sendTestEvent(id.toLowerCase())
  revalidatePath(PAGE)
}

export async function redeliverWebhookAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  const id = formData.get('id')
  const deliveryId = Number(formData.get('deliveryId'))
  if (typeof id === 'string' && isUuid(id) && Number.isSafeInteger(deliveryId)) await redeliver(id.toLowerCase(), deliveryId)
  revalidatePath(PAGE)
}
