'use client'

import { useMemo } from 'react'

import { initialCounts, useLiveCounts, type LiveStatus } from '@/components/live/use-live-counts'
import { computeShares, type CodeShare } from '@/lib/campaigns/shares'
import type { CampaignCodeView } from '@/lib/campaigns/view'

export interface CampaignRow extends CodeShare {
  id: string
  title: string
}

/**
 * Follows the live counts of a campaign's codes and returns the combined count and each code's
 * share of it, in the campaign's order. The list of codes comes from the server render, so a
 * code added in another tab appears only after a reload.
 */
export function useCampaignCounts(codes: readonly CampaignCodeView[]): { total: number; rows: CampaignRow[]; status: LiveStatus } {
  const ids = useMemo(() => codes.map((code) => code.id), [codes])
  const { counts, status } = useLiveCounts(ids, initialCounts(codes))

  const { total, shares } = computeShares(codes.map((code) => counts[code.id]?.scanCount ?? code.scanCount))
  const rows = codes.map((code, index) => ({ id: code.id, title: code.title, ...shares[index]! }))
  // Without codes there is nothing to subscribe to, so the hook never leaves 'connecting'.
  return { total, rows, status: codes.length === 0 ? 'live' : status }
}
