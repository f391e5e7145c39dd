import { describe, expect, it } from 'vitest'

import { adminRequest, baseUrl, createCode, request } from './helpers'

function postJson(path: string, body: unknown) {
  return adminRequest(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
}

describe('webhooks API', () => {
  it('creates an endpoint and shows the secret once', async () => {
    const response = await postJson('/api/webhooks', { url: 'https://hooks.example.com/in', events: ['scan.recorded'] })

    expect(response.status).toBe(201)
    const body = (await response.json()) as { endpoint: { id: string; paused: boolean }; secret: string }
    expect(body.secret).toMatch(/^whsec_/)
    expect(body.endpoint.paused).toBe(false)

    const listed = await (await adminRequest('/api/webhooks')).text()
    expect(listed).toContain(body.endpoint.id)
    expect(listed).not.toContain(body.secret)

    const rotated = (await (await postJson(`/api/webhooks/${body.endpoint.id}/rotate-secret`, {})).json()) as { secret: string }
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(body.secret)

    const paused = await adminRequest(`/api/webhooks/${body.endpoint.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ paused: true }),
    })
    expect(((await paused.json()) as { endpoint: { paused: boolean } }).endpoint.paused).toBe(true)
    expect((await adminRequest(`/api/webhooks/${body.endpoint.id}`, { method: 'DELETE' })).status).toBe(204)
  })

  it('names invalid fields', async () => {
    const response = await postJson('/api/webhooks', { url: '', events: ['scan.deleted'] })

    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { fields: Record<string, string> } }
    expect(Object.keys(body.error.fields).sort()).toEqual(['events', 'url'])
  })

  it('rejects http in production', async () => {
    const response = await postJson('/api/webhooks', { url: 'http://hooks.example.com/in', events: ['code.created'] })

    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { fields: Record<string, string> } }
    expect(body.error.fields.url).toMatch(/https in production/)
  })

  it.each(['https://10.0.0.1/in', 'https://169.254.169.254/latest/meta-data/', 'https://[fd00:ec2::254]/', 'https://[::ffff:192.168.1.1]/'])(
    'refuses the private or metadata address %s when the endpoint is added',
    async (url) => {
      const response = await postJson('/api/webhooks', { url, events: ['scan.recorded'] })

      expect(response.status).toBe(400)
      const body = (await response.json()) as { error: { fields: Record<string, string> } }
      expect(body.error.fields.url).toMatch(/not allowed/)
    },
  )

  it('requires authorization', async () => {
    expect((await fetch(`${baseUrl()}/api/webhooks`)).status).toBe(401)
  })

  it('closes the cron route without the secret', async () => {
    expect((await request('/api/cron/webhooks')).status).toBe(401)
  })

  it('does not slow scans with an endpoint configured', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/after-scan' })
    const timeScans = async () => {
      const durations: number[] = []
      for (let index = 0; index < 15; index += 1) {
        const started = performance.now()
        const response = await request(`/s/${code.slug}`)
        expect(response.status).toBe(302)
        durations.push(performance.now() - started)
      }
      return durations.sort((a, b) => a - b)[7]!
    }
    const withoutEndpoint = await timeScans()

    // The server runs in production mode, so its worker rejects this loopback address before
    // connecting: each scan writes an event and starts delivery, and no request leaves the machine.
    const created = await postJson('/api/webhooks', { url: 'https://127.0.0.1:9/slow', events: ['scan.recorded'], codeIds: [code.id] })
    expect(created.status).toBe(201)
    const endpointId = ((await created.json()) as { endpoint: { id: string } }).endpoint.id
    const withEndpoint = await timeScans()

    expect(withEndpoint).toBeLessThan(2_000)
    expect(withoutEndpoint).toBeLessThan(2_000)
    console.info(`median scan redirect: ${withoutEndpoint.toFixed(1)} ms without an endpoint, ${withEndpoint.toFixed(1)} ms with one`)

    const detail = (await (await adminRequest(`/api/webhooks/${endpointId}`)).json()) as { deliveries: { lastError: string | null }[] }
    expect(detail.deliveries).toHaveLength(15)
    await adminRequest(`/api/webhooks/${endpointId}`, { method: 'DELETE' })
  })
})
