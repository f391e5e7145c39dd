import type { Campaign, CampaignCode, CampaignSummary } from '@/lib/campaigns/types'
import type { CodeKind } from '@/lib/codes/types'
import type { Queryable } from '@/lib/db/types'

interface CampaignRow {
  id: string
  name: string
  share_token: string
  code_count: number
  scan_count: number | string
  created_at: Date
}

interface CampaignCodeRow {
  id: string
  slug: string
  kind: CodeKind
  title: string | null
  short_url: string
  position: number
  scan_count: number
  last_scanned_at: Date | null
}

// The sum is a bigint, which node-postgres returns as a string, so toCampaignSummary converts it.
// The sum of 100 integer counts stays far below 2^53, so the conversion is exact.
const CAMPAIGN_COLUMNS = `
  ca.id, ca.name, ca.share_token, ca.created_at,
  (select count(*)::int from public.campaign_codes cc where cc.campaign_id = ca.id) as code_count,
  (select coalesce(sum(sc.scan_count), 0)::bigint
     from public.campaign_codes cc join public.scan_counts sc on sc.code_id = cc.code_id
     where cc.campaign_id = ca.id) as scan_count
`

function toCampaignSummary(row: CampaignRow): CampaignSummary {
  return {
    id: row.id,
    name: row.name,
    shareToken: row.share_token,
    codeCount: row.code_count,
    scanCount: Number(row.scan_count),
    createdAt: row.created_at,
  }
}

function toCampaignCode(row: CampaignCodeRow): CampaignCode {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    shortUrl: row.short_url,
    position: row.position,
    scanCount: row.scan_count,
    lastScannedAt: row.last_scanned_at,
  }
}

/** Inserts a campaign without codes and returns its id. */
export async function insertCampaign(db: Queryable, name: string): Promise<string> {
  const rows = await db.query<{ id: string }>('insert into public.campaigns (name) values ($1) returning id', [name])
  if (!rows[0]) throw new Error('insert returned no row')
  return rows[0].id
}

export async function listCampaigns(db: Queryable): Promise<CampaignSummary[]> {
  const rows = await db.query<CampaignRow>(
    `select ${CAMPAIGN_COLUMNS} from public.campaigns ca order by ca.created_at desc, ca.id desc`,
  )
  return rows.map(toCampaignSummary)
}

/** Lists a campaign's codes in display order, with their current counts. */
export async function listCampaignCodes(db: Queryable, campaignId: string): Promise<CampaignCode[]> {
  const rows = await db.query<CampaignCodeRow>(
    `select c.id, c.slug, c.kind, c.title, c.short_url, cc.position,
       coalesce(sc.scan_count, 0) as scan_count, sc.last_scanned_at
     from public.campaign_codes cc
     join public.qr_codes c on c.id = cc.code_id
     left join public.scan_counts sc on sc.code_id = c.id
     where cc.campaign_id = $1
     order by cc.position, c.created_at, c.id`,
    [campaignId],
  )
  return rows.map(toCampaignCode)
}

/** Returns the campaign whose `column` equals `value`, with its codes. `column` is one of a fixed set, never user input. */
async function findCampaignWhere(db: Queryable, column: 'id' | 'share_token', value: string): Promise<Campaign | null> {
  const rows = await db.query<CampaignRow>(`select ${CAMPAIGN_COLUMNS} from public.campaigns ca where ca.${column} = $1`, [value])
  if (!rows[0]) return null
  const summary = toCampaignSummary(rows[0])
  return { ...summary, codes: await listCampaignCodes(db, summary.id) }
}

export function findCampaignById(db: Queryable, id: string): Promise<Campaign | null> {
  return findCampaignWhere(db, 'id', id)
}

export function findCampaignByShareToken(db: Queryable, token: string): Promise<Campaign | null> {
  return findCampaignWhere(db, 'share_token', token)
}

export async function renameCampaign(db: Queryable, id: string, name: string): Promise<boolean> {
  const rows = await db.query('update public.campaigns set name = $2 where id = $1 returning id', [id, name])
  return rows.length > 0
}

/** Gives the campaign a new share token, so the old public link stops working. Returns false when there is no such campaign. */
export async function rotateCampaignShareToken(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(
    "update public.campaigns set share_token = replace(gen_random_uuid()::text, '-', '') where id = $1 returning id",
    [id],
  )
  return rows.length > 0
}

/**
 * Locks the campaign row until the transaction ends, so that concurrent membership changes of
 * one campaign run one after another and the 100-code limit holds. Returns false when there is
 * no such campaign.
 */
export async function lockCampaign(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query('select id from public.campaigns where id = $1 for update', [id])
  return rows.length > 0
}

export async function countCampaignCodes(db: Queryable, campaignId: string): Promise<number> {
  const rows = await db.query<{ count: number }>(
    'select count(*)::int as count from public.campaign_codes where campaign_id = $1',
    [campaignId],
  )
  return rows[0]?.count ?? 0
}

/** Returns the kind of each code in `ids` that exists. Ids of codes that do not exist are missing from the map. */
export async function findCodeKinds(db: Queryable, ids: readonly string[]): Promise<Map<string, CodeKind>> {
  if (ids.length === 0) return new Map()
  const rows = await db.query<{ id: string; kind: CodeKind }>('select id, kind from public.qr_codes where id = any($1::uuid[])', [ids])
  return new Map(rows.map((row) => [row.id, row.kind]))
}

/** Appends a code at the end of the campaign. Returns false when the code was already in it. */
export async function appendCampaignCode(tx: Queryable, campaignId: string, codeId: string): Promise<boolean> {
  const rows = await tx.query(
    `insert into public.campaign_codes (campaign_id, code_id, position)
     select $1, $2, coalesce(max(position) + 1, 0) from public.campaign_codes where campaign_id = $1
     on conflict (campaign_id, code_id) do nothing
     returning code_id`,
    [campaignId, codeId],
  )
  return rows.length > 0
}

export async function deleteCampaignCode(db: Queryable, campaignId: string, codeId: string): Promise<boolean> {
  const rows = await db.query('delete from public.campaign_codes where campaign_id = $1 and code_id = $2 returning code_id', [
    campaignId,
    codeId,
  ])
  return rows.length > 0
}

/** Replaces the campaign's codes with `codeIds`, whose order becomes the display order. */
export async function replaceCampaignCodes(tx: Queryable, campaignId: string, codeIds: readonly string[]): Promise<void> {
  await tx.query('delete from public.campaign_codes where campaign_id = $1', [campaignId])
  if (codeIds.length === 0) return
  await tx.query(
    `insert into public.campaign_codes (campaign_id, code_id, position)
     select $1, t.code_id, (t.ordinal - 1)::int
     from unnest($2::uuid[]) with ordinality as t(code_id, ordinal)`,
    [campaignId, codeIds],
  )
}

export interface PickerCode {
  id: string
  title: string | null
  slug: string
  scanCount: number
}

/** Lists the newest codes that are not in the campaign, for the picker. Venue codes belong to events and are left out. */
export async function listCodesOutsideCampaign(db: Queryable, campaignId: string, limit: number): Promise<PickerCode[]> {
  const rows = await db.query<{ id: string; title: string | null; slug: string; scan_count: number }>(
    `select c.id, c.title, c.slug, coalesce(sc.scan_count, 0) as scan_count
     from public.qr_codes c left join public.scan_counts sc on sc.code_id = c.id
     where c.kind <> 'venue' and c.archived_at is null
       and not exists (select 1 from public.campaign_codes cc where cc.campaign_id = $1 and cc.code_id = c.id)
     order by c.created_at desc, c.id desc
     limit $2`,
    [campaignId, limit],
  )
  return rows.map((row) => ({ id: row.id, title: row.title, slug: row.slug, scanCount: row.scan_count }))
}
