'use client'

/**
 * Renders a timestamp in the viewer's own locale and time zone: date and time, or only the
 * time of day. The server render may differ, so hydration accepts the difference.
 */
export function LocalTime({ iso, withSeconds = false, format = 'datetime' }: { iso: string; withSeconds?: boolean; format?: 'datetime' | 'time' }) {
  const date = new Date(iso)
  const timeStyle = withSeconds ? 'medium' : 'short'
  const text = format === 'time' ? date.toLocaleTimeString(undefined, { timeStyle }) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle })
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  )
}
