import { authorizeCampaignRequest } from '@/lib/campaigns/api'
import { campaignNameSchema } from '@/lib/campaigns/schema'
import { getCampaign, renameCampaign, toCampaignJson } from '@/lib/campaigns/service'
import { toFieldErrors } from '@/lib/codes/schema'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

/** Returns the campaign with its codes and their current counts. */
export const GET = withApiErrors('GET /api/campaigns/[id]', async (request, context: RouteContext<'/api/campaigns/[id]'>) => {
  const loaded = await authorizeCampaignRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response
  return Response.json({ campaign: toCampaignJson(loaded.campaign) })
})

/** Renames the campaign. */
export const PATCH = withApiErrors('PATCH /api/campaigns/[id]', async (request, context: RouteContext<'/api/campaigns/[id]'>) => {
  const loaded = await authorizeCampaignRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = campaignNameSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'The campaign was not renamed: check the fields.', toFieldErrors(parsed.error))
  }
  await renameCampaign(loaded.campaign.id, parsed.data.name)
  const campaign = await getCampaign(loaded.campaign.id)
  if (!campaign) return apiError(404, 'not_found', `No campaign with id ${loaded.campaign.id}.`)
  return Response.json({ campaign: toCampaignJson(campaign) })
})
export const POST = methodNotAllowed(['GET', 'PATCH'])
export const PUT = methodNotAllowed(['GET', 'PATCH'])
export const DELETE = methodNotAllowed(['GET', 'PATCH'])
