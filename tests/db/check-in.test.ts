import { beforeEach, describe, expect, it } from 'vitest'

import { findScanCounts } from '@/lib/db/codes'
import {
  checkIn,
  checkInWalkIn,
  findEventById,
  insertAttendees,
  insertEvent,
  listAllAttendees,
  listCheckInLog,
  setAttendeeCancelled,
  undoCheckIn,
} from '@/lib/db/events'
import type { Database } from '@/lib/db/types'

import { backends, useMigratedDatabase } from './backends'

async function createEvent(db: Database, slug = 'evt2abc') {
  const id = await insertEvent(db, {
    name: 'Launch night',
    selfCheckIn: 'off',
    slug,
    shortUrl: `https://scanboard.example/s/${slug}`,
    qrSvg: '<svg/>',
  })
  if (!id) throw new Error(`slug ${slug} was taken`)
  const event = await findEventById(db, id)
  if (!event) throw new Error('event not found after insert')
  return event
}

async function countsOf(db: Database, codeId: string) {
  const [count] = await findScanCounts(db, [codeId])
  if (!count) throw new Error('no counts row')
  return count
}

describe.each(backends)('check-in on $name', (backend) => {
  const database = useMigratedDatabase(backend)
  let db: Database

  beforeEach(() => {
    db = database()
  })

  it('keeps expected and checked-in counts in the venue code counts row', async () => {
    const event = await createEvent(db)
    await insertAttendees(db, event.id, [
      { name: 'Ada Lovelace', email: 'ada@example.com', ticketType: 'VIP' },
      { name: 'Grace Hopper', email: null, ticketType: null },
      { name: 'Alan Turing', email: null, ticketType: null },
    ])
    const before = await countsOf(db, event.codeId)
    expect(before).toMatchObject({ expected: 3, checkedIn: 0 })

    const [ada, grace] = await listAllAttendees(db, event.id)
    await checkIn(db, { eventId: event.id, target: { token: ada!.token }, door: 'A', method: 'scanner' })
    expect(await countsOf(db, event.codeId)).toMatchObject({ expected: 3, checkedIn: 1 })

    // Cancelling a checked-in ticket takes it out of both counts; restoring puts it back.
    await setAttendeeCancelled(db, event.id, ada!.id, true)
    expect(await countsOf(db, event.codeId)).toMatchObject({ expected: 2, checkedIn: 0 })
    await setAttendeeCancelled(db, event.id, ada!.id, false)
    expect(await countsOf(db, event.codeId)).toMatchObject({ expected: 3, checkedIn: 1 })

    await undoCheckIn(db, event.id, ada!.id, 'dashboard')
    await setAttendeeCancelled(db, event.id, grace!.id, true)
    const after = await countsOf(db, event.codeId)
    expect(after).toMatchObject({ expected: 2, checkedIn: 0 })
    expect(after.version).toBeGreaterThan(before.version)
  })

  it('gives ten simultaneous check-ins of one attendee one "accepted" and nine "duplicate" with the first time', async () => {
    const event = await createEvent(db)
    await insertAttendees(db, event.id, [{ name: 'Ada Lovelace', email: null, ticketType: null }])
    const [ada] = await listAllAttendees(db, event.id)
    const before = await countsOf(db, event.codeId)

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, door) =>
        checkIn(db, { eventId: event.id, target: { token: ada!.token }, door: `door ${door}`, method: 'scanner' }),
      ),
    )

    const accepted = results.filter((result) => result.outcome === 'accepted')
    const duplicates = results.filter((result) => result.outcome === 'duplicate')
    expect(accepted).toHaveLength(1)
    expect(duplicates).toHaveLength(9)
    for (const duplicate of duplicates) {
      expect(duplicate.checkedInAt?.getTime()).toBe(accepted[0]!.checkedInAt?.getTime())
      expect(duplicate.checkedInBy).toBe(accepted[0]!.checkedInBy)
    }

    const [stored] = await listAllAttendees(db, event.id)
    expect(stored?.checkedInAt?.getTime()).toBe(accepted[0]!.checkedInAt?.getTime())
    expect(stored?.checkedInBy).toBe(accepted[0]!.checkedInBy)

    // One state change: one count increment, one counts-row version step.
    const after = await countsOf(db, event.codeId)
    expect(after.checkedIn).toBe(1)
    expect(after.version).toBe(before.version + 1)

    const log = await listCheckInLog(db, event.id, 50)
    expect(log.filter((entry) => entry.outcome === 'accepted')).toHaveLength(1)
    expect(log.filter((entry) => entry.outcome === 'duplicate')).toHaveLength(9)
  })

  it('checks 200 different attendees in at once without losing a count', async () => {
    const event = await createEvent(db)
    await insertAttendees(
      db,
      event.id,
      Array.from({ length: 200 }, (_, index) => ({ name: `Person ${index}`, email: null, ticketType: null })),
    )
    const attendees = await listAllAttendees(db, event.id)

    const results = await Promise.all(
      attendees.map((attendee, index) =>
        checkIn(db, { eventId: event.id, target: { attendeeId: attendee.id }, door: `door ${index % 4}`, method: 'search' }),
      ),
    )

    expect(results.every((result) => result.outcome === 'accepted')).toBe(true)
    expect(await countsOf(db, event.codeId)).toMatchObject({ checkedIn: 200, expected: 200 })
  })

  it('refuses a cancelled attendee, and cancelled wins over duplicate', async () => {
    const event = await createEvent(db)
    await insertAttendees(db, event.id, [
      { name: 'Never Came', email: null, ticketType: null },
      { name: 'Came Then Cancelled', email: null, ticketType: null },
    ])
    const [never, came] = await listAllAttendees(db, event.id)

    await checkIn(db, { eventId: event.id, target: { token: came!.token }, door: 'A', method: 'scanner' })
    await setAttendeeCancelled(db, event.id, never!.id, true)
    await setAttendeeCancelled(db, event.id, came!.id, true)

    const first = await checkIn(db, { eventId: event.id, target: { token: never!.token }, door: 'B', method: 'scanner' })
    const second = await checkIn(db, { eventId: event.id, target: { token: came!.token }, door: 'B', method: 'scanner' })

    expect(first).toMatchObject({ outcome: 'cancelled', name: 'Never Came', checkedInAt: null })
    expect(second).toMatchObject({ outcome: 'cancelled', name: 'Came Then Cancelled' })
    const [storedNever] = await listAllAttendees(db, event.id)
    expect(storedNever?.checkedInAt).toBeNull()
  })

  it('logs and refuses unknown codes, including a token of another event', async () => {
    const event = await createEvent(db, 'evt2abc')
    const other = await createEvent(db, 'evt3def')
    await insertAttendees(db, other.id, [{ name: 'Elsewhere', email: null, ticketType: null }])
    const [elsewhere] = await listAllAttendees(db, other.id)

    const unknown = await checkIn(db, { eventId: event.id, target: { token: 'f'.repeat(32) }, door: 'A', method: 'scanner' })
    const foreign = await checkIn(db, { eventId: event.id, target: { token: elsewhere!.token }, door: 'A', method: 'scanner' })

    expect(unknown).toEqual({ outcome: 'unknown', attendeeId: null, name: null, checkedInAt: null, checkedInBy: null })
    expect(foreign.outcome).toBe('unknown')
    const log = await listCheckInLog(db, event.id, 10)
    expect(log.map((entry) => entry.outcome)).toEqual(['unknown', 'unknown'])
    expect((await listAllAttendees(db, other.id))[0]?.checkedInAt).toBeNull()
  })

  it('keeps the original check-in in the log after an undo, and allows a new check-in', async () => {
    const event = await createEvent(db)
    await insertAttendees(db, event.id, [{ name: 'Ada Lovelace', email: null, ticketType: null }])
    const [ada] = await listAllAttendees(db, event.id)

    await checkIn(db, { eventId: event.id, target: { token: ada!.token }, door: 'A', method: 'scanner' })
    expect(await undoCheckIn(db, event.id, ada!.id, 'dashboard')).toBe(true)
    expect(await undoCheckIn(db, event.id, ada!.id, 'dashboard')).toBe(false)
    const again = await checkIn(db, { eventId: event.id, target: { token: ada!.token }, door: 'B', method: 'scanner' })

    expect(again).toMatchObject({ outcome: 'accepted', checkedInBy: 'B' })
    const log = await listCheckInLog(db, event.id, 10)
    expect(log.map((entry) => [entry.outcome, entry.door])).toEqual([
      ['accepted', 'B'],
      ['undone', 'dashboard'],
      ['accepted', 'A'],
    ])
  })

  it('adds a walk-in once per name and does not raise the expected count', async () => {
    const event = await createEvent(db)

    const first = await checkInWalkIn(db, event.id, '  Sam   Carter ')
    const again = await checkInWalkIn(db, event.id, 'sam carter')

    expect(first).toMatchObject({ outcome: 'accepted', name: 'Sam Carter' })
    expect(again).toMatchObject({ outcome: 'duplicate', attendeeId: first.attendeeId })
    expect(await countsOf(db, event.codeId)).toMatchObject({ checkedIn: 1, expected: 0 })
  })
})
