'use client'

import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * Renders a timestamp in the viewer's own locale and time zone: date and time, or only the
 * time of day. The server cannot know the viewer's zone, so it renders UTC and labels it; the
 * browser re-renders in its own zone right after hydration.
 */
export function LocalTime({ iso, withSeconds = false, format = 'datetime' }: { iso: string; withSeconds?: boolean; format?: 'datetime' | 'time' }) {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false)
  const date = new Date(iso)
  const timeStyle = withSeconds ? 'medium' : 'short'
  const timeZone = inBrowser ? undefined : 'UTC'
  const text =
    format === 'time'
      ? date.toLocaleTimeString(undefined, { timeStyle, timeZone })
      : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle, timeZone })
  return <time dateTime={iso}>{inBrowser ? text : `${text} UTC`}</time>
}
