import 'server-only'

import { authorizeApiRequest } from '@/lib/auth/guards'
import { getCampaign } from '@/lib/campaigns/service'
import type { Campaign } from '@/lib/campaigns/types'
import { apiError } from '@/lib/http/api-errors'

/**
 * Authorises a request to a campaign's API and loads the campaign. Returns the campaign, or
 * the 401 or 404 response to send.
 */
export async function authorizeCampaignRequest(
  request: Request,
  id: string,
): Promise<{ ok: true; campaign: Campaign } | { ok: false; response: Response }> {
  const denied = await authorizeApiRequest(request)
  if (denied) return { ok: false, response: denied }
  const campaign = await getCampaign(id)
  if (!campaign) return { ok: false, response: apiError(404, 'not_found', `No campaign with id ${id}.`) }
  return { ok: true, campaign }
}
