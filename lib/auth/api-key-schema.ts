import { z } from 'zod'

/** The input for a new API key, shared by the settings form and `POST /api/keys`. */
export const createApiKeySchema = z.object({
  name: z
    .string({ error: 'Name the key, such as "Print shop integration".' })
    .trim()
    .min(1, 'Name the key, such as "Print shop integration".')
    .max(80, 'Name must be at most 80 characters.'),
})
