'use server'

import { revalidatePath } from 'next/cache'

import { requireAdminAction } from '@/lib/auth/guards'
import { isUuid } from '@/lib/codes/service'
import { changeWebhookEndpoint, createWebhookEndpoint, redeliver, rotateWebhookSecret, sendTestEvent } from '@/lib/webhooks/endpoints'
import { createEndpointSchema } from '@/lib/webhooks/schema'

const PAGE = '/settings/webhooks'

export interface SecretState {
  error?: string
  /** The new signing secret, shown once. */
  secret?: string
}

/** Creates an endpoint from the form: URL, events (checkboxes) and optional code ids, one per line. */
export async function createWebhookAction(_previous: SecretState, formData: FormData): Promise<SecretState> {
  await requireAdminAction()

  const codeIdsText = String(formData.get('codeIds') ?? '').trim()
  const parsed = createEndpointSchema.safeParse({
    url: formData.get('url') ?? '',
    description: formData.get('description') || null,
    events: formData.getAll('events'),
    codeIds: codeIdsText ? codeIdsText.split(/[\s,]+/).filter(Boolean) : null,
  })
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Invalid endpoint.' }

  const result = await createWebhookEndpoint(parsed.data)
  if (!result.ok) return { error: 'fields' in result ? (result.fields.url ?? 'Invalid endpoint.') : 'Invalid endpoint.' }
  revalidatePath(PAGE)
  return { secret: result.value.secret }
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
