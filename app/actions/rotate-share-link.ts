'use server'

import { revalidatePath } from 'next/cache'

import { requireAdminAction } from '@/lib/auth/guards'
import { rotateCodeShareLink } from '@/lib/codes/service'

/** Replaces a code's projector share link, so the old link stops working. */
export async function rotateShareLinkAction(formData: FormData): Promise<void> {
  await requireAdminAction()

  const id = formData.get('id')
  if (typeof id !== 'string') return
  await rotateCodeShareLink(id)
  revalidatePath(`/codes/${id}`)
}
