import { authorizeApiRequest } from '@/lib/auth/guards'
import { campaignNameSchema } from '@/lib/campaigns/schema'
import { createCampaign, getCampaigns, toCampaignJson } from '@/lib/campaigns/service'
import { toFieldErrors } from '@/lib/codes/schema'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const POST = withApiErrors('POST /api/campaigns', async (request) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = campaignNameSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'The campaign could not be created: check the fields.', toFieldErrors(parsed.error))
  }

  const campaign = await createCampaign(parsed.data.name)
  return Response.json({ campaign: toCampaignJson(campaign) }, { status: 201, headers: { Location: `/api/campaigns/${campaign.id}` } })
})

export const GET = withApiErrors('GET /api/campaigns', async (request) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied
  const campaigns = await getCampaigns()
  return Response.json({ campaigns: campaigns.map(toCampaignJson) })
})
export const PUT = methodNotAllowed(['GET', 'POST'])
export const PATCH = methodNotAllowed(['GET', 'POST'])
export const DELETE = methodNotAllowed(['GET', 'POST'])
