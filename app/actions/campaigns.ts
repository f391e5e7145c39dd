'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'

import type { FormState } from '@/app/actions/events'
import { requireAdminAction } from '@/lib/auth/guards'
import { campaignNameSchema } from '@/lib/campaigns/schema'
import {
  addCodeToCampaign,
  createCampaign,
  getCampaign,
  removeCodeFromCampaign,
  renameCampaign,
  rotateCampaignShareLink,
} from '@/lib/campaigns/service'
import { toFieldErrors } from '@/lib/codes/schema'
import { logger } from '@/lib/logger'

function text(formData: FormData, name: string): string {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

export async function createCampaignAction(previous: FormState, formData: FormData): Promise<FormState> {
  await requireAdminAction()
  const values = { name: text(formData, 'name') }
  const submission = previous.submission + 1

  const parsed = campaignNameSchema.safeParse(values)
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted field.', fieldErrors: toFieldErrors(parsed.error), values, submission }
  }
  let campaignId: string
  try {
    campaignId = (await createCampaign(parsed.data.name)).id
  } catch (error) {
    logger.error({ err: error }, 'creating a campaign failed')
    return { status: 'error', message: 'The campaign could not be saved. Try again in a moment.', values, submission }
  }
  revalidatePath('/campaigns')
  redirect(`/campaigns/${campaignId}`)
}

export async function renameCampaignAction(previous: FormState, formData: FormData): Promise<FormState> {
  await requireAdminAction()
  const values = { name: text(formData, 'name') }
  const submission = previous.submission + 1

  const campaign = await getCampaign(text(formData, 'campaignId'))
  if (!campaign) return { status: 'error', message: 'This campaign no longer exists.', values, submission }
  const parsed = campaignNameSchema.safeParse(values)
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted field.', fieldErrors: toFieldErrors(parsed.error), values, submission }
  }
  await renameCampaign(campaign.id, parsed.data.name)
  revalidatePath(`/campaigns/${campaign.id}`)
  return { status: 'done', message: 'Name saved.', values: { name: parsed.data.name }, submission }
}

export async function addCampaignCodeAction(previous: FormState, formData: FormData): Promise<FormState> {
  await requireAdminAction()
  const submission = previous.submission + 1

  const campaign = await getCampaign(text(formData, 'campaignId'))
  if (!campaign) return { status: 'error', message: 'This campaign no longer exists.', submission }
  const result = await addCodeToCampaign(campaign.id, text(formData, 'codeId'))
  switch (result.status) {
    case 'campaign_not_found':
      return { status: 'error', message: 'This campaign no longer exists.', submission }
    case 'rejected':
      return { status: 'error', message: result.message, fieldErrors: { codeId: result.message }, submission }
    case 'already_added':
    case 'added':
      revalidatePath(`/campaigns/${campaign.id}`)
      return { status: 'done', message: result.status === 'added' ? 'Code added.' : 'That code is in this campaign already.', submission }
  }
}

/** Removes one code from a campaign: the Remove button beside each code. */
export async function removeCampaignCodeAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  const campaign = await getCampaign(text(formData, 'campaignId'))
  if (!campaign) return
  await removeCodeFromCampaign(campaign.id, text(formData, 'codeId'))
  revalidatePath(`/campaigns/${campaign.id}`)
}

/** Replaces the campaign's public projector link, so the old one stops working. */
export async function rotateCampaignShareLinkAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  const campaign = await getCampaign(text(formData, 'campaignId'))
  if (!campaign) return
  await rotateCampaignShareLink(campaign.id)
  revalidatePath(`/campaigns/${campaign.id}`)
}
