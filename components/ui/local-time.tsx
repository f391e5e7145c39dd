'use client'

/**
 * Renders a timestamp in the viewer's own locale and time zone. The server render may differ,
 * so hydration accepts the difference.
 */
export function LocalTime({ iso, withSeconds = false }: { iso: string; withSeconds?: boolean }) {
  const date = new Date(iso)
  const text = date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: withSeconds ? 'medium' : 'short',
  })
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  )
}
