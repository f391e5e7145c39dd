import { getServerEnv } from '@/lib/env'


/**
 * Redirects and does nothing else: the benchmark's baseline, a dynamic route of the same
 * shape as /s/[slug]. It exists only when ENABLE_BENCH_ROUTES=true.
 */
export async function GET(_request: Request, context: RouteContext<'/bench/redirect/[slug]'>) {
  if (!getServerEnv().ENABLE_BENCH_ROUTES) return new Response('Not found', { status: 404 })
  const { slug } = await context.params
  return new Response(null, {
    status: 302,
    headers: { Location: `https://example.com/${encodeURIComponent(slug)}`, 'Cache-Control': 'no-store' },
  })
}
