import { authorizeCampaignRequest } from '@/lib/campaigns/api'
import { campaignCodesSchema } from '@/lib/campaigns/schema'
import { setCampaignCodes, toCampaignJson } from '@/lib/campaigns/service'
import { toFieldErrors } from '@/lib/codes/schema'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

/** Replaces the campaign's codes with `{"codeIds": [...]}`, in that order. */
export const PUT = withApiErrors('PUT /api/campaigns/[id]/codes', async (request, context: RouteContext<'/api/campaigns/[id]/codes'>) => {
  const loaded = await authorizeCampaignRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = campaignCodesSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'The codes were not changed: check the fields.', toFieldErrors(parsed.error))
  }

  const result = await setCampaignCodes(loaded.campaign.id, parsed.data.codeIds)
  switch (result.status) {
    case 'campaign_not_found':
      return apiError(404, 'not_found', `No campaign with id ${loaded.campaign.id}.`)
    case 'rejected':
      return apiError(400, 'validation_failed', 'The codes were not changed: check the fields.', { codeIds: result.message })
    case 'done':
      return Response.json({ campaign: toCampaignJson(result.campaign) })
  }
})
export const GET = methodNotAllowed(['PUT'])
export const POST = methodNotAllowed(['PUT'])
export const PATCH = methodNotAllowed(['PUT'])
export const DELETE = methodNotAllowed(['PUT'])
