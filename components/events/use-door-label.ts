'use client'

import { useCallback, useSyncExternalStore } from 'react'

const STORAGE_KEY = 'scanboard.scanner.door'

const listeners = new Set<() => void>()
// Used when localStorage throws (storage disabled): the label then lasts until the page reloads.
let fallbackLabel: string | null = null

function readLabel(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? fallbackLabel
  } catch {
    return fallbackLabel
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('storage', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', listener)
  }
}

/**
 * Returns this device's door or device label, kept in localStorage so that it is chosen once, and
 * a function that saves a new one. The label is `undefined` during the server render and
 * hydration, where it is not known yet.
 */
export function useDoorLabel(): [string | null | undefined, (label: string) => void] {
  const label = useSyncExternalStore<string | null | undefined>(subscribe, readLabel, () => undefined)

  const save = useCallback((next: string) => {
    fallbackLabel = next
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Storage disabled or full: fallbackLabel keeps the label for this page.
    }
    listeners.forEach((listener) => listener())
  }, [])

  return [label, save]
}
