'use server'

import { revalidatePath } from 'next/cache'

import { createApiKeySchema } from '@/lib/auth/api-key-schema'
import { createApiKey, revokeApiKeyById } from '@/lib/auth/api-keys'
import { requireAdminAction } from '@/lib/auth/guards'
import { isUuid } from '@/lib/codes/service'

export interface CreateApiKeyState {
  error?: string
  /** The new key, shown once. */
  key?: string
  name?: string
}

export async function createApiKeyAction(_previous: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  await requireAdminAction()

  const parsed = createApiKeySchema.safeParse({ name: formData.get('name') ?? undefined })
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Invalid name.' }

  const { key, record } = await createApiKey(parsed.data.name)
  revalidatePath('/settings')
  return { key, name: record.name }
}

export async function revokeApiKeyAction(formData: FormData): Promise<void> {
  await requireAdminAction()

  const id = formData.get('id')
  if (typeof id === 'string' && isUuid(id)) await revokeApiKeyById(id.toLowerCase())
  revalidatePath('/settings')
}
