import { Agent, request } from 'undici'

import { resolveSafeAddress, systemResolver, UnsafeWebhookUrlError, type AddressPolicy, type ResolvedAddress, type Resolver } from '@/lib/webhooks/address-check'

export const MAX_REDIRECTS = 3
export const MAX_RESPONSE_BYTES = 64 * 1024
export const DEFAULT_TIMEOUT_MS = 10_000

export interface SendOptions extends AddressPolicy {
  /** The limit for the whole attempt, redirects included, in milliseconds. */
  timeoutMs: number
  resolve?: Resolver
}

export interface SendResult {
  ok: boolean
  /** The last response's status, or null when no response arrived. */
  statusCode: number | null
  /** The failure reason, without the response body; null when the attempt succeeded. */
  error: string | null
  latencyMs: number
}

/** Creates an agent that connects only to `pinned`, whatever the host name resolves to by then. */
function pinnedAgent(pinned: ResolvedAddress, timeoutMs: number): Agent {
  return new Agent({
    connections: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: {
      timeout: timeoutMs,
      // net.connect requests `all: true` when it tries several address families.
      lookup: (_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }])
        else callback(null, pinned.address, pinned.family)
      },
    } as Agent.Options['connect'],
  })
}

/** Reads at most MAX_RESPONSE_BYTES of a body and drops the rest, so a huge response cannot fill memory. */
async function drainCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<void> {
  let received = 0
  for await (const chunk of body) {
    received += chunk.length
    if (received > MAX_RESPONSE_BYTES) {
      body.destroy()
      return
    }
  }
}

/**
 * POSTs `body` with `headers` to `url`. Before each hop it checks the URL and the addresses its
 * host resolves to, and connects only to the checked address. It follows at most MAX_REDIRECTS
 * redirects (each checked the same way), re-sending the same POST, and succeeds on a 2xx status.
 * Never throws: every failure comes back as a result.
 */
export async function sendWebhook(url: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendResult> {
  const started = performance.now()
  const signal = AbortSignal.timeout(options.timeoutMs)
  const elapsed = () => Math.round(performance.now() - started)
  let current = url

  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    let agent: Agent | undefined
    try {
      const { url: checked, address } = await resolveSafeAddress(current, options, options.resolve ?? systemResolver)
      agent = pinnedAgent(address, options.timeoutMs)
      const response = await request(checked, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Scanboard-Webhooks/1', ...headers },
        body,
        dispatcher: agent,
        signal,
        maxRedirections: 0,
      })
      await drainCapped(response.body)

      const location = response.headers.location
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
        if (hop === MAX_REDIRECTS) {
          return { ok: false, statusCode: response.statusCode, error: `more than ${MAX_REDIRECTS} redirects`, latencyMs: elapsed() }
        }
        current = new URL(location, checked).toString()
        continue
      }

      const ok = response.statusCode >= 200 && response.statusCode < 300
      return { ok, statusCode: response.statusCode, error: ok ? null : `HTTP ${response.statusCode}`, latencyMs: elapsed() }
    } catch (error) {
      const message =
        error instanceof UnsafeWebhookUrlError
          ? `rejected: ${error.message}`
          : signal.aborted
            ? `timed out after ${options.timeoutMs} ms`
            : `request failed: ${error instanceof Error ? error.message : String(error)}`
      return { ok: false, statusCode: null, error: message, latencyMs: elapsed() }
    } finally {
      void agent?.destroy().catch(() => undefined)
    }
  }
  return { ok: false, statusCode: null, error: `more than ${MAX_REDIRECTS} redirects`, latencyMs: elapsed() }
}
