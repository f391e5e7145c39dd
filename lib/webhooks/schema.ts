import { z } from 'zod'

import { WEBHOOK_EVENT_TYPES } from '@/lib/db/webhooks'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const url = z.string().trim().min(1, 'URL is required').max(2048, 'URL must be at most 2048 characters')
const description = z.string().trim().max(200, 'Description must be at most 200 characters').nullable()
const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { message: `Each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }))
  .min(1, 'Choose at least one event')
  .transform((values) => [...new Set(values)])
const codeIds = z
  .array(z.string().regex(UUID, 'Each code id must be a UUID'))
  .min(1, 'Give at least one code id, or null for every code')
  .max(500, 'At most 500 code ids')
  .nullable()
  .transform((values) => (values ? [...new Set(values.map((value) => value.toLowerCase()))] : null))

export const createEndpointSchema = z.object({
  url,
  description: description.optional().transform((value) => value || null),
  events,
  codeIds: codeIds.optional().transform((value) => value ?? null),
})

export type CreateEndpointInput = z.output<typeof createEndpointSchema>

export const updateEndpointSchema = z
  .object({ url: url.optional(), description: description.optional(), events: events.optional(), codeIds: codeIds.optional(), paused: z.boolean().optional() })
  .strict()

export type UpdateEndpointInput = z.output<typeof updateEndpointSchema>
