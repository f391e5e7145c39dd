import { describe, expect, it } from 'vitest'

import { adminRequest, createCode, request, type CodeJson } from './helpers'

interface CampaignJson {
  id: string
  name: string
  codeCount: number
  scanCount: number
  createdAt: string
  codes?: { id: string; slug: string; title: string | null; shortUrl: string; scanCount: number; lastScannedAt: string | null }[]
}

function sendJson(path: string, body: unknown, method = 'POST') {
  return adminRequest(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
}

async function createCampaign(name: string): Promise<CampaignJson> {
  const response = await sendJson('/api/campaigns', { name })
  if (response.status !== 201) throw new Error(`create campaign failed with ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { campaign: CampaignJson }).campaign
}

async function setCodes(campaignId: string, codeIds: string[]): Promise<Response> {
  return sendJson(`/api/campaigns/${campaignId}/codes`, { codeIds }, 'PUT')
}

async function scan(code: CodeJson, times: number) {
  for (let i = 0; i < times; i++) {
    const response = await request(`/s/${code.slug}`)
    // A URL code redirects with 302; a message code redirects to its message page.
    expect(response.status).toBeLessThan(400)
  }
}

/** Returns the page's HTML without the empty comments React puts between adjacent text nodes. */
async function pageText(response: Response): Promise<string> {
  return (await response.text()).replaceAll('<!-- -->', '')
}

describe('campaigns API', () => {
  it('creates, lists and renames a campaign', async () => {
    const campaign = await createCampaign('Spring posters')
    expect(campaign).toMatchObject({ name: 'Spring posters', codeCount: 0, scanCount: 0, codes: [] })

    const list = await adminRequest('/api/campaigns')
    expect(list.status).toBe(200)
    const { campaigns } = (await list.json()) as { campaigns: CampaignJson[] }
    expect(campaigns.find((listed) => listed.id === campaign.id)).toMatchObject({ name: 'Spring posters', codeCount: 0 })

    const renamed = await sendJson(`/api/campaigns/${campaign.id}`, { name: '  Summer posters ' }, 'PATCH')
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toMatchObject({ campaign: { name: 'Summer posters' } })
  })

  it('answers 400 with fields for a bad name', async () => {
    const empty = await sendJson('/api/campaigns', { name: '   ' })
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({ error: { code: 'validation_failed', fields: { name: 'Enter the campaign name.' } } })

    const long = await sendJson('/api/campaigns', { name: 'x'.repeat(121) })
    expect(long.status).toBe(400)
    expect(await long.json()).toMatchObject({ error: { fields: { name: 'Campaign name is too long: 121 characters, at most 120.' } } })

    const missing = await sendJson('/api/campaigns', {})
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ error: { fields: { name: 'Enter the campaign name.' } } })
  })

  it('sets codes in order and sums their scans', async () => {
    const poster = await createCode({ kind: 'url', destination: 'https://example.com/poster', title: 'Poster at the station' })
    const flyer = await createCode({ kind: 'message', message: 'Thanks for scanning', title: 'Flyer' })
    const campaign = await createCampaign('Two codes')

    const put = await setCodes(campaign.id, [flyer.id, poster.id.toUpperCase()])
    expect(put.status).toBe(200)
    const body = (await put.json()) as { campaign: CampaignJson }
    expect(body.campaign.codes?.map((code) => code.id)).toEqual([flyer.id, poster.id])

    await scan(poster, 3)
    await scan(flyer, 1)

    const read = await adminRequest(`/api/campaigns/${campaign.id}`)
    expect(read.status).toBe(200)
    const { campaign: after } = (await read.json()) as { campaign: CampaignJson }
    expect(after.codeCount).toBe(2)
    expect(after.scanCount).toBe(4)
    expect(after.codes?.map((code) => [code.title, code.scanCount])).toEqual([
      ['Flyer', 1],
      ['Poster at the station', 3],
    ])

    // A code can be in several campaigns, and an empty list removes every code.
    const other = await createCampaign('Poster only')
    expect((await setCodes(other.id, [poster.id])).status).toBe(200)
    const cleared = await setCodes(campaign.id, [])
    expect(await cleared.json()).toMatchObject({ campaign: { codeCount: 0, scanCount: 0, codes: [] } })
    const otherRead = (await (await adminRequest(`/api/campaigns/${other.id}`)).json()) as { campaign: CampaignJson }
    expect(otherRead.campaign.scanCount).toBe(3)
  })

  it('answers 400 with fields for bad code lists', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/bad-lists' })
    const campaign = await createCampaign('Bad lists')
    const unknownId = '00000000-0000-4000-8000-000000000000'
    const cases: { body: unknown; message: string | RegExp }[] = [
      { body: {}, message: 'Send codeIds: the list of code ids.' },
      { body: { codeIds: 'abc' }, message: 'codeIds must be a list of code ids.' },
      { body: { codeIds: ['not-a-uuid'] }, message: '"not-a-uuid" is not a code id (UUID).' },
      { body: { codeIds: [code.id, code.id] }, message: `Code ${code.id} appears twice in codeIds. List each code once.` },
      { body: { codeIds: Array.from({ length: 101 }, () => unknownId) }, message: 'codeIds has 101 entries, but a campaign contains at most 100 codes.' },
      { body: { codeIds: [code.id, unknownId] }, message: `No code with id ${unknownId}.` },
    ]
    for (const { body, message } of cases) {
      const response = await sendJson(`/api/campaigns/${campaign.id}/codes`, body, 'PUT')
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(await response.json()).toMatchObject({ error: { code: 'validation_failed', fields: { codeIds: message } } })
    }

    // A rejected list changes nothing.
    const read = (await (await adminRequest(`/api/campaigns/${campaign.id}`)).json()) as { campaign: CampaignJson }
    expect(read.campaign.codeCount).toBe(0)
  })

  it('rejects an event venue code', async () => {
    const event = await sendJson('/api/events', { name: 'Venue in campaign' })
    const { event: created } = (await event.json()) as { event: { codeId: string } }
    const campaign = await createCampaign('Venue codes')
    const response = await setCodes(campaign.id, [created.codeId])
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: { fields: { codeIds: `Code ${created.codeId} is an event's venue code, which cannot join a campaign.` } },
    })
  })

  it('answers 404 for an unknown campaign', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await adminRequest(`/api/campaigns/${id}`)).status).toBe(404)
      expect((await setCodes(id, [])).status).toBe(404)
    }
  })

  it('answers 401 without a session or key', async () => {
    const campaign = await createCampaign('Private')
    expect((await request('/api/campaigns')).status).toBe(401)
    expect((await request(`/api/campaigns/${campaign.id}`)).status).toBe(401)

    const post = await request('/api/campaigns', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Anonymous' }),
    })
    expect(post.status).toBe(401)
    const put = await request(`/api/campaigns/${campaign.id}/codes`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ codeIds: [] }),
    })
    expect(put.status).toBe(401)
  })
})

describe('campaign pages', () => {
  it('shows counts on the public link without a session', async () => {
    const poster = await createCode({ kind: 'url', destination: 'https://example.com/public-a', title: 'Public poster' })
    const flyer = await createCode({ kind: 'url', destination: 'https://example.com/public-b', title: 'Public flyer' })
    const campaign = await createCampaign('Public campaign')
    expect((await setCodes(campaign.id, [poster.id, flyer.id])).status).toBe(200)
    await scan(poster, 3)
    await scan(flyer, 1)

    const details = await pageText(await adminRequest(`/campaigns/${campaign.id}`))
    const sharePath = /\/c\/[0-9a-f]{32}/.exec(details)?.[0]
    expect(sharePath).toBeDefined()

    const shared = await request(sharePath!)
    expect(shared.status).toBe(200)
    const html = await pageText(shared)
    expect(html).toContain('Public campaign')
    expect(html).toMatch(/data-testid="campaign-total"[^>]*>4</)
    expect(html).toContain('Public poster')
    expect(html).toMatch(/data-testid="campaign-code-count"[^>]*>3 scans</)
    expect(html).toMatch(/data-testid="campaign-code-share"[^>]*>75%</)
    expect(html).toMatch(/data-testid="campaign-code-share"[^>]*>25%</)
  })

  it('keeps the admin pages behind sign-in', async () => {
    const campaign = await createCampaign('Signed in only')
    for (const path of ['/campaigns', `/campaigns/${campaign.id}`, `/campaigns/${campaign.id}/live`]) {
      const response = await request(path)
      expect(response.status, path).toBe(307)
      expect(response.headers.get('location'), path).toContain('/sign-in')
    }
  })

  it('answers 404 for an unknown share token', async () => {
    expect((await request(`/c/${'0'.repeat(32)}`)).status).toBe(404)
    expect((await request('/c/not-a-token')).status).toBe(404)
  })
})
