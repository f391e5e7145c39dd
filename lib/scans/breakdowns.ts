import { UAParser } from 'ua-parser-js'

import type { ValueCount } from '@/lib/db/analytics'

/** One row of a breakdown list: a name and how many scans had it. */
export interface BreakdownEntry {
  name: string
  count: number
}

export interface UserAgentBreakdowns {
  browsers: BreakdownEntry[]
  operatingSystems: BreakdownEntry[]
  devices: BreakdownEntry[]
}

/** Maximum entries in a breakdown, counting the "Other" entry that sums the rest. */
export const MAX_BREAKDOWN_ENTRIES = 10

export const UNKNOWN = 'Unknown'

/** Browser, OS and device type of one user agent, as the breakdowns and the export name them. */
export interface AgentParts {
  browser: string
  os: string
  device: string
}

/**
 * Parses a user agent with ua-parser-js. ua-parser-js (v1) sets no device type for desktop
 * browsers, so a known browser without one is called a desktop.
 */
export function parseAgentParts(userAgent: string | null): AgentParts {
  if (!userAgent) return { browser: UNKNOWN, os: UNKNOWN, device: UNKNOWN }
  const { browser, os, device } = new UAParser(userAgent).getResult()
  return {
    browser: browser.name ?? UNKNOWN,
    os: os.name ?? UNKNOWN,
    device: device.type ?? (browser.name ? 'desktop' : UNKNOWN),
  }
}

/** Adds `count` to `name` in `totals`. */
function add(totals: Map<string, number>, name: string, count: number) {
  totals.set(name, (totals.get(name) ?? 0) + count)
}

/** Sorts by count, most first, and sums everything past the first MAX_BREAKDOWN_ENTRIES into "Other". */
export function topEntries(totals: Map<string, number>): BreakdownEntry[] {
  const sorted = [...totals].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
  if (sorted.length <= MAX_BREAKDOWN_ENTRIES) return sorted
  const kept = sorted.slice(0, MAX_BREAKDOWN_ENTRIES - 1)
  const rest = sorted.slice(MAX_BREAKDOWN_ENTRIES - 1).reduce((sum, entry) => sum + entry.count, 0)
  return [...kept, { name: 'Other', count: rest }]
}

/** Sums scan counts per distinct user agent into browser, OS and device totals, parsing each agent once. */
export function summariseUserAgents(counts: readonly ValueCount[]): UserAgentBreakdowns {
  const browsers = new Map<string, number>()
  const operatingSystems = new Map<string, number>()
  const devices = new Map<string, number>()

  for (const { value, count } of counts) {
    const parts = parseAgentParts(value)
    add(browsers, parts.browser, count)
    add(operatingSystems, parts.os, count)
    add(devices, parts.device, count)
  }

  return { browsers: topEntries(browsers), operatingSystems: topEntries(operatingSystems), devices: topEntries(devices) }
}

export const NO_REFERRER = 'None (direct)'
export const INVALID_REFERRER = 'Not a URL'

/** Returns the lower-case host of a referrer URL, or a name for a missing or unparsable one. */
export function referrerHost(referrer: string | null): string {
  if (!referrer) return NO_REFERRER
  try {
    return new URL(referrer).host.toLowerCase() || INVALID_REFERRER
  } catch {
    return INVALID_REFERRER
  }
}

/** Sums scan counts per distinct referrer into counts per referrer host. */
export function summariseReferrers(counts: readonly ValueCount[]): BreakdownEntry[] {
  const hosts = new Map<string, number>()
  for (const { value, count } of counts) add(hosts, referrerHost(value), count)
  return topEntries(hosts)
}

/** Turns counts per country code into breakdown entries, with "Unknown" for scans without one. */
export function summariseCountries(counts: readonly ValueCount[]): BreakdownEntry[] {
  const countries = new Map<string, number>()
  for (const { value, count } of counts) add(countries, value ?? UNKNOWN, count)
  return topEntries(countries)
}
