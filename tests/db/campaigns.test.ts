import { beforeEach, describe, expect, it } from 'vitest'

import {
  appendCampaignCode,
  deleteCampaignCode,
  findCampaignById,
  findCampaignByShareToken,
  findCodeKinds,
  insertCampaign,
  listCampaigns,
  listCodesOutsideCampaign,
  replaceCampaignCodes,
  rotateCampaignShareToken,
} from '@/lib/db/campaigns'
import { insertCode } from '@/lib/db/codes'
import { insertEvent } from '@/lib/db/events'
import { recordScan } from '@/lib/db/scans'
import type { Database } from '@/lib/db/types'

import { backends, useMigratedDatabase } from './backends'

async function createCode(db: Database, slug: string, title: string): Promise<string> {
  const code = await insertCode(db, {
    slug,
    kind: 'url',
    title,
    destination: `https://example.com/${slug}`,
    message: null,
    shortUrl: `https://scanboard.example/s/${slug}`,
    qrSvg: '<svg/>',
  })
  if (!code) throw new Error(`slug ${slug} was taken`)
  return code.id
}

async function scan(db: Database, slug: string, times: number) {
  for (let i = 0; i < times; i++) {
    await recordScan(db, slug, { userAgent: 'vitest', referrer: null, ip: null })
  }
}

describe.each(backends)('campaigns on $name', (backend) => {
  const database = useMigratedDatabase(backend)
  let db: Database

  beforeEach(() => {
    db = database()
  })

  it('appends codes in order and lists them with their counts', async () => {
    const poster = await createCode(db, 'camp2aa', 'Poster A')
    const flyer = await createCode(db, 'camp2bb', 'Flyer B')
    await scan(db, 'camp2aa', 3)
    await scan(db, 'camp2bb', 1)

    const campaignId = await insertCampaign(db, 'Spring posters')
    expect(await db.transaction((tx) => appendCampaignCode(tx, campaignId, flyer))).toBe(true)
    expect(await db.transaction((tx) => appendCampaignCode(tx, campaignId, poster))).toBe(true)
    // Adding a member again changes nothing.
    expect(await db.transaction((tx) => appendCampaignCode(tx, campaignId, flyer))).toBe(false)

    const campaign = await findCampaignById(db, campaignId)
    expect(campaign).toMatchObject({ name: 'Spring posters', codeCount: 2, scanCount: 4 })
    expect(campaign?.shareToken).toMatch(/^[0-9a-f]{32}$/)
    expect(campaign?.codes.map((code) => [code.title, code.position, code.scanCount])).toEqual([
      ['Flyer B', 0, 1],
      ['Poster A', 1, 3],
    ])
  })

  it('lets one code belong to several campaigns', async () => {
    const poster = await createCode(db, 'camp2cc', 'Poster')
    await scan(db, 'camp2cc', 2)
    const first = await insertCampaign(db, 'First')
    const second = await insertCampaign(db, 'Second')
    await db.transaction((tx) => appendCampaignCode(tx, first, poster))
    await db.transaction((tx) => appendCampaignCode(tx, second, poster))

    const listed = await listCampaigns(db)
    expect(listed.map((campaign) => [campaign.name, campaign.codeCount, campaign.scanCount])).toEqual([
      ['Second', 1, 2],
      ['First', 1, 2],
    ])

    expect(await deleteCampaignCode(db, first, poster)).toBe(true)
    expect(await deleteCampaignCode(db, first, poster)).toBe(false)
    expect((await findCampaignById(db, first))?.codes).toEqual([])
    expect((await findCampaignById(db, second))?.codes.map((code) => code.id)).toEqual([poster])
  })

  it('replaces the members in the given order', async () => {
    const a = await createCode(db, 'camp2dd', 'A')
    const b = await createCode(db, 'camp2ee', 'B')
    const c = await createCode(db, 'camp2ff', 'C')
    const campaignId = await insertCampaign(db, 'Ordered')
    await db.transaction((tx) => replaceCampaignCodes(tx, campaignId, [a, b]))
    await db.transaction((tx) => replaceCampaignCodes(tx, campaignId, [c, a]))

    const campaign = await findCampaignById(db, campaignId)
    expect(campaign?.codes.map((code) => [code.title, code.position])).toEqual([
      ['C', 0],
      ['A', 1],
    ])

    await db.transaction((tx) => replaceCampaignCodes(tx, campaignId, []))
    expect((await findCampaignById(db, campaignId))?.codeCount).toBe(0)
  })

  it('removes memberships when a campaign or a code is deleted', async () => {
    const kept = await createCode(db, 'camp2gg', 'Kept')
    const deleted = await createCode(db, 'camp2hh', 'Deleted')
    const campaignId = await insertCampaign(db, 'Cascade')
    await db.transaction((tx) => replaceCampaignCodes(tx, campaignId, [kept, deleted]))

    await db.query('delete from public.qr_codes where id = $1', [deleted])
    expect((await findCampaignById(db, campaignId))?.codes.map((code) => code.id)).toEqual([kept])

    await db.query('delete from public.campaigns where id = $1', [campaignId])
    const left = await db.query<{ count: number }>('select count(*)::int as count from public.campaign_codes')
    expect(left[0]?.count).toBe(0)
    const codes = await db.query<{ id: string }>('select id from public.qr_codes where id = $1', [kept])
    expect(codes).toEqual([{ id: kept }])
  })

  it('finds a campaign by share token until the token is replaced', async () => {
    const campaignId = await insertCampaign(db, 'Shared')
    const before = await findCampaignById(db, campaignId)
    expect((await findCampaignByShareToken(db, before!.shareToken))?.id).toBe(campaignId)

    expect(await rotateCampaignShareToken(db, campaignId)).toBe(true)
    expect(await findCampaignByShareToken(db, before!.shareToken)).toBeNull()
    const after = await findCampaignById(db, campaignId)
    expect(after?.shareToken).not.toBe(before?.shareToken)
  })

  it('offers codes outside the campaign, without venue codes', async () => {
    const inside = await createCode(db, 'camp2jj', 'Inside')
    const outside = await createCode(db, 'camp2kk', 'Outside')
    const eventId = await insertEvent(db, { name: 'Gala', selfCheckIn: 'off', slug: 'camp2mm', shortUrl: 'https://scanboard.example/s/camp2mm', qrSvg: '<svg/>' })
    expect(eventId).not.toBeNull()
    const campaignId = await insertCampaign(db, 'Picker')
    await db.transaction((tx) => appendCampaignCode(tx, campaignId, inside))

    const offered = await listCodesOutsideCampaign(db, campaignId, 10)
    expect(offered.map((code) => code.id)).toEqual([outside])

    const kinds = await findCodeKinds(db, [inside, '00000000-0000-4000-8000-000000000000'])
    expect([...kinds.entries()]).toEqual([[inside, 'url']])
  })

  it('rejects an empty name', async () => {
    await expect(insertCampaign(db, '')).rejects.toThrow(/check constraint/)
  })
})
