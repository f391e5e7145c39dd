import type { Queryable } from '@/lib/db/types'

export const WEBHOOK_EVENT_TYPES = ['scan.recorded', 'checkin.accepted', 'code.created'] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]
/** The types an event row can have: the subscribable ones, and the test event the settings page sends. */
export type StoredEventType = WebhookEventType | 'webhook.test'

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed'

export interface WebhookEndpoint {
  id: string
  url: string
  description: string | null
  events: WebhookEventType[]
  /** Null when the endpoint receives events of every code. */
  codeIds: string[] | null
  pausedAt: Date | null
  secretRotatedAt: Date | null
  createdAt: Date
}

interface EndpointRow {
  id: string
  url: string
  description: string | null
  events: WebhookEventType[]
  code_ids: string[] | null
  paused_at: Date | null
  secret_rotated_at: Date | null
  created_at: Date
}

const ENDPOINT_COLUMNS = 'id, url, description, events, code_ids, paused_at, secret_rotated_at, created_at'

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    codeIds: row.code_ids,
    pausedAt: row.paused_at,
    secretRotatedAt: row.secret_rotated_at,
    createdAt: row.created_at,
  }
}

export interface NewEndpoint {
  url: string
  description: string | null
  events: WebhookEventType[]
  codeIds: string[] | null
  secret: string
}

export async function insertEndpoint(db: Queryable, endpoint: NewEndpoint): Promise<WebhookEndpoint> {
  const rows = await db.query<EndpointRow>(
    `insert into public.webhook_endpoints (url, description, events, code_ids, secret)
     values ($1, $2, $3::text[], $4::uuid[], $5)
     returning ${ENDPOINT_COLUMNS}`,
    [endpoint.url, endpoint.description, endpoint.events, endpoint.codeIds, endpoint.secret],
  )
  return toEndpoint(rows[0]!)
}

export async function listEndpoints(db: Queryable): Promise<WebhookEndpoint[]> {
  const rows = await db.query<EndpointRow>(
    `select ${ENDPOINT_COLUMNS} from public.webhook_endpoints order by created_at desc, id desc`,
  )
  return rows.map(toEndpoint)
}

export async function findEndpoint(db: Queryable, id: string): Promise<WebhookEndpoint | null> {
  const rows = await db.query<EndpointRow>(`select ${ENDPOINT_COLUMNS} from public.webhook_endpoints where id = $1`, [id])
  return rows[0] ? toEndpoint(rows[0]) : null
}

export interface EndpointChanges {
  url?: string
  description?: string | null
  events?: WebhookEventType[]
  codeIds?: string[] | null
  paused?: boolean
}

/** Changes the given fields of an endpoint; fields left undefined keep their value. Returns null when there is no such endpoint. */
export async function updateEndpoint(db: Queryable, id: string, changes: EndpointChanges): Promise<WebhookEndpoint | null> {
  const has = (value: unknown) => value !== undefined
  const rows = await db.query<EndpointRow>(
    `update public.webhook_endpoints set
       url = case when $2 then $3 else url end,
       description = case when $4 then $5 else description end,
       events = case when $6 then $7::text[] else events end,
       code_ids = case when $8 then $9::uuid[] else code_ids end,
       paused_at = case when $10 then (case when $11 then coalesce(paused_at, now()) else null end) else paused_at end
     where id = $1
     returning ${ENDPOINT_COLUMNS}`,
    [
      id,
      has(changes.url), changes.url ?? null,
      has(changes.description), changes.description ?? null,
      has(changes.events), changes.events ?? null,
      has(changes.codeIds), changes.codeIds ?? null,
      has(changes.paused), changes.paused ?? false,
    ],
  )
  return rows[0] ? toEndpoint(rows[0]) : null
}

/** Replaces the endpoint's secret. Returns false when there is no such endpoint. */
export async function replaceEndpointSecret(db: Queryable, id: string, secret: string): Promise<boolean> {
  const rows = await db.query('update public.webhook_endpoints set secret = $2, secret_rotated_at = now() where id = $1 returning id', [
    id,
    secret,
  ])
  return rows.length > 0
}

/** Deletes an endpoint and its deliveries. */
export async function deleteEndpoint(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('delete from public.webhook_endpoints where id = $1 returning id', [id])
  return rows.length > 0
}

/** Counts the endpoints that are not paused, so callers can skip delivery work when there are none. */
export async function countActiveEndpoints(db: Queryable): Promise<number> {
  const rows = await db.query<{ count: number }>('select count(*)::int as count from public.webhook_endpoints where paused_at is null')
  return rows[0]?.count ?? 0
}

/** Writes a webhook.test event with one delivery, to this endpoint only. Returns the event id, or null when there is no such endpoint. */
export async function insertTestEvent(db: Queryable, endpointId: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `with endpoint as (select id from public.webhook_endpoints where id = $1),
     event as (
       insert into public.webhook_events (type, code_id, data)
       select 'webhook.test', null, jsonb_build_object('endpointId', endpoint.id) from endpoint
       returning id
     ),
     delivery as (
       insert into public.webhook_deliveries (event_id, endpoint_id) select event.id, $1 from event
     )
     select id from event`,
    [endpointId],
  )
  return rows[0]?.id ?? null
}

export interface DeliveryRecord {
  id: number
  eventId: string
  eventType: StoredEventType
  status: DeliveryStatus
  attempts: number
  nextAttemptAt: Date | null
  lastAttemptAt: Date | null
  lastStatusCode: number | null
  lastError: string | null
  lastLatencyMs: number | null
  createdAt: Date
}

interface DeliveryRow {
  id: string
  event_id: string
  type: StoredEventType
  status: DeliveryStatus
  attempts: number
  next_attempt_at: Date
  last_attempt_at: Date | null
  last_status_code: number | null
  last_error: string | null
  last_latency_ms: number | null
  created_at: Date
}

/** Lists an endpoint's newest deliveries, newest first. */
export async function listDeliveries(db: Queryable, endpointId: string, limit = 50): Promise<DeliveryRecord[]> {
  const rows = await db.query<DeliveryRow>(
    `select d.id, d.event_id, ev.type, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at,
       d.last_status_code, d.last_error, d.last_latency_ms, d.created_at
     from public.webhook_deliveries d join public.webhook_events ev on ev.id = d.event_id
     where d.endpoint_id = $1
     order by d.created_at desc, d.id desc
     limit $2`,
    [endpointId, limit],
  )
  return rows.map((row) => ({
    id: Number(row.id),
    eventId: row.event_id,
    eventType: row.type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastLatencyMs: row.last_latency_ms,
    createdAt: row.created_at,
  }))
}

/**
 * Queues a finished delivery (succeeded or failed) to be sent again now, with the same event id.
 * Its retry window starts again. Returns false when there is no such delivery or it is still in progress.
 */
export async function requeueDelivery(db: Queryable, endpointId: string, deliveryId: number): Promise<boolean> {
  const rows = await db.query(
    `update public.webhook_deliveries
     set status = 'pending', next_attempt_at = now(), created_at = now(), locked_until = null
     where id = $1 and endpoint_id = $2 and status in ('succeeded', 'failed')
     returning id`,
    [deliveryId, endpointId],
  )
  return rows.length > 0
}

/** A delivery a worker has claimed, with what it needs to send it. */
export interface ClaimedDelivery {
  id: number
  /** The attempt number this claim is, from 1; completing checks it so a late worker cannot overwrite a newer attempt. */
  attempt: number
  /** When the delivery was queued: its retry window starts here. */
  queuedAt: Date
  endpointId: string
  url: string
  secret: string
  eventId: string
  eventType: StoredEventType
  eventData: Record<string, unknown>
  eventCreatedAt: Date
}

interface ClaimRow {
  id: string
  attempts: number
  created_at: Date
  endpoint_id: string
  url: string
  secret: string
  event_id: string
  type: StoredEventType
  data: Record<string, unknown>
  event_created_at: Date
}

/**
 * Claims up to `limit` due deliveries of active endpoints for `leaseMs`: pending ones whose time
 * has come, and ones whose previous worker let its lease run out (it stopped or crashed).
 * `skip locked` lets concurrent workers take disjoint rows, and the lease keeps a claimed row
 * from being claimed again while its attempt runs, outside any transaction.
 */
export async function claimDueDeliveries(db: Queryable, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const rows = await db.query<ClaimRow>(
    `with due as (
       select d.id
       from public.webhook_deliveries d
       join public.webhook_endpoints e on e.id = d.endpoint_id
       where e.paused_at is null
         and ((d.status = 'pending' and d.next_attempt_at <= now())
           or (d.status = 'delivering' and d.locked_until <= now()))
       order by d.next_attempt_at, d.id
       limit $1
       for update of d skip locked
     ),
     claimed as (
       update public.webhook_deliveries d
       set status = 'delivering', attempts = d.attempts + 1, last_attempt_at = now(),
           locked_until = now() + $2 * interval '1 millisecond'
       from due
       where d.id = due.id
       returning d.id, d.attempts, d.created_at, d.event_id, d.endpoint_id
     )
     select claimed.id, claimed.attempts, claimed.created_at, claimed.endpoint_id, e.url, e.secret,
       ev.id as event_id, ev.type, ev.data, ev.created_at as event_created_at
     from claimed
     join public.webhook_events ev on ev.id = claimed.event_id
     join public.webhook_endpoints e on e.id = claimed.endpoint_id
     order by claimed.id`,
    [limit, leaseMs],
  )
  return rows.map((row) => ({
    id: Number(row.id),
    attempt: row.attempts,
    queuedAt: row.created_at,
    endpointId: row.endpoint_id,
    url: row.url,
    secret: row.secret,
    eventId: row.event_id,
    eventType: row.type,
    eventData: row.data,
    eventCreatedAt: row.event_created_at,
  }))
}

export interface AttemptResult {
  status: 'succeeded' | 'pending' | 'failed'
  /** When to try again; only for status pending. */
  nextAttemptAt: Date | null
  statusCode: number | null
  error: string | null
  latencyMs: number
}

/**
 * Stores the result of an attempt and releases the claim. Returns false when the claim was lost
 * (its lease ran out and another worker took the delivery), in which case nothing is changed.
 */
export async function completeDelivery(db: Queryable, delivery: ClaimedDelivery, result: AttemptResult): Promise<boolean> {
  const rows = await db.query(
    `update public.webhook_deliveries
     set status = $3, next_attempt_at = coalesce($4, next_attempt_at), locked_until = null,
         last_status_code = $5, last_error = $6, last_latency_ms = $7
     where id = $1 and attempts = $2 and status = 'delivering'
     returning id`,
    [delivery.id, delivery.attempt, result.status, result.nextAttemptAt, result.statusCode, result.error?.slice(0, 500) ?? null, result.latencyMs],
  )
  return rows.length > 0
}
