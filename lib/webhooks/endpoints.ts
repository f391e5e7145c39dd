import 'server-only'

import { isIP } from 'node:net'

import { getDatabase } from '@/lib/db'
import {
  deleteEndpoint,
  findEndpoint,
  insertEndpoint,
  insertTestEvent,
  listDeliveries,
  listEndpoints,
  replaceEndpointSecret,
  requeueDelivery,
  updateEndpoint,
  type DeliveryRecord,
  type WebhookEndpoint,
} from '@/lib/db/webhooks'
import type { FieldErrors } from '@/lib/codes/schema'
import { logger } from '@/lib/logger'
import { checkUrlForm, forbiddenAddressReason, UnsafeWebhookUrlError } from '@/lib/webhooks/address-check'
import type { CreateEndpointInput, UpdateEndpointInput } from '@/lib/webhooks/schema'
import { addressPolicyFromEnv, deliverWebhooksSoon, forgetActiveEndpointCount } from '@/lib/webhooks/service'
import { generateWebhookSecret } from '@/lib/webhooks/signature'

export type EndpointResult<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors } | { ok: false; notFound: true }

/**
 * Checks the URL's form for this deployment (https in production, no credentials). Its host is
 * resolved and checked on every attempt instead, because an address checked now may change.
 */
function urlError(url: string): string | null {
  try {
    const policy = addressPolicyFromEnv()
    const parsed = checkUrlForm(url, policy)
    // A literal address can be judged now; a host name is resolved and checked at every attempt.
    const host = parsed.hostname.replace(/^\[|\]$/g, '')
    const reason = isIP(host) ? forbiddenAddressReason(host, policy) : null
    if (reason) return `URL is not allowed: ${reason}. Webhooks go to public addresses only.`
    return null
  } catch (error) {
    if (error instanceof UnsafeWebhookUrlError) return `URL is invalid: ${error.message}`
    throw error
  }
}

/** Creates an endpoint and returns it with its secret, which is shown this once. */
export async function createWebhookEndpoint(input: CreateEndpointInput): Promise<EndpointResult<{ endpoint: WebhookEndpoint; secret: string }>> {
  const problem = urlError(input.url)
  if (problem) return { ok: false, fields: { url: problem } }

  const secret = generateWebhookSecret()
  const endpoint = await insertEndpoint(await getDatabase(), { ...input, secret })
  forgetActiveEndpointCount()
  logger.info({ endpointId: endpoint.id, events: endpoint.events }, 'webhook endpoint created')
  return { ok: true, value: { endpoint, secret } }
}

export async function getWebhookEndpoints(): Promise<WebhookEndpoint[]> {
  return listEndpoints(await getDatabase())
}

export async function getWebhookEndpoint(id: string): Promise<WebhookEndpoint | null> {
  return findEndpoint(await getDatabase(), id)
}

export async function changeWebhookEndpoint(id: string, changes: UpdateEndpointInput): Promise<EndpointResult<WebhookEndpoint>> {
  if (changes.url !== undefined) {
    const problem = urlError(changes.url)
    if (problem) return { ok: false, fields: { url: problem } }
  }
  const endpoint = await updateEndpoint(await getDatabase(), id, changes)
  if (!endpoint) return { ok: false, notFound: true }
  forgetActiveEndpointCount()
  logger.info({ endpointId: id, fields: Object.keys(changes) }, 'webhook endpoint changed')
  if (changes.paused === false) deliverWebhooksSoon()
  return { ok: true, value: endpoint }
}

/** Replaces the secret and returns the new one, shown this once. Signatures with the old secret stop at once. */
export async function rotateWebhookSecret(id: string): Promise<string | null> {
  const secret = generateWebhookSecret()
  if (!(await replaceEndpointSecret(await getDatabase(), id, secret))) return null
  logger.info({ endpointId: id }, 'webhook secret rotated')
  return secret
}

export async function removeWebhookEndpoint(id: string): Promise<boolean> {
  const deleted = await deleteEndpoint(await getDatabase(), id)
  if (deleted) {
    forgetActiveEndpointCount()
    logger.info({ endpointId: id }, 'webhook endpoint deleted')
  }
  return deleted
}

/** Queues a webhook.test event to this endpoint alone. Returns its event id, or null when there is no such endpoint. */
export async function sendTestEvent(id: string): Promise<string | null> {
  const eventId = await insertTestEvent(await getDatabase(), id)
  if (eventId) {
    forgetActiveEndpointCount()
    deliverWebhooksSoon()
  }
  return eventId
}

export async function getDeliveries(endpointId: string, limit = 50): Promise<DeliveryRecord[]> {
  return listDeliveries(await getDatabase(), endpointId, limit)
}

/** Sends a finished delivery again, with the same event id. */
export async function redeliver(endpointId: string, deliveryId: number): Promise<boolean> {
  const queued = await requeueDelivery(await getDatabase(), endpointId, deliveryId)
  if (queued) {
    logger.info({ endpointId, deliveryId }, 'webhook delivery queued again by hand')
    deliverWebhooksSoon()
  }
  return queued
}

/** Converts an endpoint to its JSON form, which never contains the secret. */
export function toEndpointJson(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    codeIds: endpoint.codeIds,
    paused: endpoint.pausedAt !== null,
    pausedAt: endpoint.pausedAt?.toISOString() ?? null,
    secretRotatedAt: endpoint.secretRotatedAt?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
  }
}

export function toDeliveryJson(delivery: DeliveryRecord) {
  return {
    ...delivery,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
  }
}
