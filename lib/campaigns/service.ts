import 'server-only'

import { MAX_CODES_PER_CAMPAIGN, type Campaign, type CampaignSummary } from '@/lib/campaigns/types'
import { isUuid } from '@/lib/codes/service'
import { getDatabase } from '@/lib/db'
import {
  appendCampaignCode,
  countCampaignCodes,
  deleteCampaignCode,
  findCampaignById,
  findCampaignByShareToken,
  findCodeKinds,
  insertCampaign,
  listCampaigns,
  listCodesOutsideCampaign,
  lockCampaign,
  renameCampaign as updateCampaignName,
  replaceCampaignCodes,
  rotateCampaignShareToken,
  type PickerCode,
} from '@/lib/db/campaigns'
import type { Queryable } from '@/lib/db/types'
import { logger } from '@/lib/logger'

const SHARE_TOKEN_PATTERN = /^[0-9a-f]{32}$/

/** How many codes the picker on a campaign's page offers, newest first. */
export const PICKER_LIMIT = 500

export async function createCampaign(name: string): Promise<Campaign> {
  const db = await getDatabase()
  const id = await insertCampaign(db, name)
  const campaign = await findCampaignById(db, id)
  if (!campaign) throw new Error(`campaign ${id} vanished after insert`)
  logger.info({ campaignId: id }, 'campaign created')
  return campaign
}

export async function getCampaigns(): Promise<CampaignSummary[]> {
  return listCampaigns(await getDatabase())
}

/** Returns the campaign with its codes and their current counts, or null when there is none or the id is not a UUID. */
export async function getCampaign(id: string): Promise<Campaign | null> {
  if (!isUuid(id)) return null
  return findCampaignById(await getDatabase(), id.toLowerCase())
}

/** Returns the campaign whose public projector link carries `token`, or null. */
export async function getCampaignByShareToken(token: string): Promise<Campaign | null> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null
  return findCampaignByShareToken(await getDatabase(), token)
}

export async function renameCampaign(id: string, name: string): Promise<boolean> {
  const renamed = await updateCampaignName(await getDatabase(), id, name)
  if (renamed) logger.info({ campaignId: id }, 'campaign renamed')
  return renamed
}

export async function rotateCampaignShareLink(id: string): Promise<boolean> {
  const rotated = await rotateCampaignShareToken(await getDatabase(), id)
  if (rotated) logger.info({ campaignId: id }, 'campaign share link rotated')
  return rotated
}

/** Codes the picker offers: the newest ones not in the campaign yet, at most PICKER_LIMIT, and whether there are more. */
export async function getPickerCodes(campaignId: string): Promise<{ codes: PickerCode[]; truncated: boolean }> {
  const codes = await listCodesOutsideCampaign(await getDatabase(), campaignId, PICKER_LIMIT + 1)
  return { codes: codes.slice(0, PICKER_LIMIT), truncated: codes.length > PICKER_LIMIT }
}

/** Returns why the codes cannot join a campaign, as a message for a form or a 400 response, or null when they can. */
async function checkCodesCanJoin(tx: Queryable, codeIds: readonly string[]): Promise<string | null> {
  const kinds = await findCodeKinds(tx, codeIds)
  const unknown = codeIds.filter((id) => !kinds.has(id))
  if (unknown.length > 0) return `No code with id ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''}.`
  const venue = codeIds.find((id) => kinds.get(id) === 'venue')
  if (venue !== undefined) return `Code ${venue} is an event's venue code, which cannot join a campaign.`
  return null
}

export type AddCodeResult = { status: 'added' | 'already_added' | 'campaign_not_found' } | { status: 'rejected'; message: string }

/** Appends one code to a campaign, unless the campaign already contains MAX_CODES_PER_CAMPAIGN codes. */
export async function addCodeToCampaign(campaignId: string, codeId: string): Promise<AddCodeResult> {
  if (!isUuid(codeId)) return { status: 'rejected', message: 'Choose a code to add.' }
  const code = codeId.toLowerCase()
  const db = await getDatabase()

  const result = await db.transaction(async (tx): Promise<AddCodeResult> => {
    if (!(await lockCampaign(tx, campaignId))) return { status: 'campaign_not_found' }
    const problem = await checkCodesCanJoin(tx, [code])
    if (problem) return { status: 'rejected', message: problem }
    if ((await countCampaignCodes(tx, campaignId)) >= MAX_CODES_PER_CAMPAIGN) {
      return { status: 'rejected', message: `This campaign already contains ${MAX_CODES_PER_CAMPAIGN} codes, the maximum. Remove a code before adding another.` }
    }
    return { status: (await appendCampaignCode(tx, campaignId, code)) ? 'added' : 'already_added' }
  })

  if (result.status === 'added') logger.info({ campaignId, codeId: code }, 'code added to campaign')
  return result
}

export async function removeCodeFromCampaign(campaignId: string, codeId: string): Promise<boolean> {
  if (!isUuid(codeId)) return false
  const removed = await deleteCampaignCode(await getDatabase(), campaignId, codeId.toLowerCase())
  if (removed) logger.info({ campaignId, codeId }, 'code removed from campaign')
  return removed
}

export type SetCodesResult = { status: 'done'; campaign: Campaign } | { status: 'campaign_not_found' } | { status: 'rejected'; message: string }

/**
 * Replaces a campaign's codes with `codeIds` (lower-case UUIDs, no repeats, at most
 * MAX_CODES_PER_CAMPAIGN, as campaignCodesSchema returns them), in that order. Nothing changes
 * when one of them is unknown or a venue code.
 */
export async function setCampaignCodes(campaignId: string, codeIds: readonly string[]): Promise<SetCodesResult> {
  const db = await getDatabase()
  const result = await db.transaction(async (tx): Promise<SetCodesResult | null> => {
    if (!(await lockCampaign(tx, campaignId))) return { status: 'campaign_not_found' }
    const problem = await checkCodesCanJoin(tx, codeIds)
    if (problem) return { status: 'rejected', message: problem }
    await replaceCampaignCodes(tx, campaignId, codeIds)
    return null
  })
  if (result) return result

  logger.info({ campaignId, codeCount: codeIds.length }, 'campaign codes replaced')
  const campaign = await findCampaignById(db, campaignId)
  if (!campaign) return { status: 'campaign_not_found' }
  return { status: 'done', campaign }
}

/** A campaign as the JSON API returns it; `codes` only when the campaign was read with them. */
export function toCampaignJson(campaign: CampaignSummary | Campaign) {
  return {
    id: campaign.id,
    name: campaign.name,
    codeCount: campaign.codeCount,
    scanCount: campaign.scanCount,
    createdAt: campaign.createdAt.toISOString(),
    ...('codes' in campaign
      ? {
          codes: campaign.codes.map((code) => ({
            id: code.id,
            slug: code.slug,
            title: code.title,
            shortUrl: code.shortUrl,
            scanCount: code.scanCount,
            lastScannedAt: code.lastScannedAt?.toISOString() ?? null,
          })),
        }
      : {}),
  }
}
