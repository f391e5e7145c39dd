import { z } from 'zod'

import { MAX_CODES_PER_CAMPAIGN } from '@/lib/campaigns/types'
import { UUID_PATTERN } from '@/lib/http/query'
import { checkLine } from '@/lib/events/schema'

export const MAX_CAMPAIGN_NAME_LENGTH = 120

const nameSchema = z
  .string({ error: (issue) => (issue.input == null ? 'Enter the campaign name.' : 'Campaign name must be text.') })
  .transform((value, ctx) => {
    const result = checkLine('Campaign name', value, MAX_CAMPAIGN_NAME_LENGTH)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message })
      return z.NEVER
    }
    if (result.value === null) {
      ctx.addIssue({ code: 'custom', message: 'Enter the campaign name.' })
      return z.NEVER
    }
    return result.value
  })

/** A new campaign or a new name, from the forms and `POST /api/campaigns`. */
export const campaignNameSchema = z.object({ name: nameSchema })

/**
 * The body of `PUT /api/campaigns/{id}/codes`: the complete list of code ids in display order.
 * Ids come back in lower case. A repeated id is rejected rather than dropped, because it is
 * most likely a mistake in the caller's list.
 */
export const campaignCodesSchema = z.object({
  codeIds: z
    .array(z.string({ error: 'Each code id must be text.' }), {
      error: (issue) => (issue.input == null ? 'Send codeIds: the list of code ids.' : 'codeIds must be a list of code ids.'),
    })
    .transform((ids, ctx) => {
      if (ids.length > MAX_CODES_PER_CAMPAIGN) {
        ctx.addIssue({ code: 'custom', message: `codeIds has ${ids.length} entries, but a campaign contains at most ${MAX_CODES_PER_CAMPAIGN} codes.` })
        return z.NEVER
      }
      const normalized = ids.map((id) => id.trim().toLowerCase())
      const invalid = normalized.find((id) => !UUID_PATTERN.test(id))
      if (invalid !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${invalid.slice(0, 40)}" is not a code id (UUID).` })
        return z.NEVER
      }
      const repeated = normalized.find((id, index) => normalized.indexOf(id) !== index)
      if (repeated !== undefined) {
        ctx.addIssue({ code: 'custom', message: `Code ${repeated} appears twice in codeIds. List each code once.` })
        return z.NEVER
      }
      return normalized
    }),
})
