import fs from 'node:fs'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { listPendingMigrations, migrate, readMigrations } from '@/lib/db/migrate'
import type { Database } from '@/lib/db/types'

import { backends } from './backends'

describe.each(backends)('migrations on $name', (backend) => {
  let db: Database | undefined

  afterEach(async () => {
    if (db) await backend.dispose(db)
    db = undefined
  })

  it('apply to an empty database', async () => {
    db = await backend.open()
    const files = await readMigrations()

    expect(await listPendingMigrations(db)).toEqual(files.map((file) => file.version))
    expect(await migrate(db)).toEqual(files.map((file) => file.version))
    expect(await listPendingMigrations(db)).toEqual([])

    const tables = await db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    )
    expect(tables.map((row) => row.table_name)).toEqual([
      'api_keys',
      'attendees',
      'campaign_codes',
      'campaigns',
      'check_ins',
      'events',
      'qr_codes',
      'qr_designs',
      'retired_slugs',
      'scan_counts',
      'scans',
      'webhook_deliveries',
      'webhook_endpoints',
      'webhook_events',
    ])
  })

  it('are idempotent', async () => {
    db = await backend.open()
    await migrate(db)

    expect(await migrate(db)).toEqual([])
    const ledger = await db.query<{ version: string; name: string }>(
      'select version, name from supabase_migrations.schema_migrations order by version',
    )
    const files = await readMigrations()
    expect(ledger).toEqual(files.map((file) => ({ version: file.version, name: file.name })))
  })

  it('apply once when two migrators race', async () => {
    db = await backend.open()
    const results = await Promise.all([migrate(db), migrate(db), migrate(db)])

    const files = await readMigrations()
    expect(results.flat().sort()).toEqual(files.map((file) => file.version).sort())
  })

  it('keep a ledger in the Supabase CLI shape', async () => {
    db = await backend.open()
    await migrate(db)

    const columns = await db.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `select column_name, data_type, is_nullable from information_schema.columns
       where table_schema = 'supabase_migrations' and table_name = 'schema_migrations'
       order by ordinal_position`,
    )
    expect(columns).toEqual([
      { column_name: 'version', data_type: 'text', is_nullable: 'NO' },
      { column_name: 'statements', data_type: 'ARRAY', is_nullable: 'YES' },
      { column_name: 'name', data_type: 'text', is_nullable: 'YES' },
    ])
    const primaryKey = await db.query<{ column_name: string }>(
      `select a.attname as column_name from pg_index i
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = 'supabase_migrations.schema_migrations'::regclass and i.indisprimary`,
    )
    expect(primaryKey).toEqual([{ column_name: 'version' }])
  })

  it('enable row-level security on every table', async () => {
    db = await backend.open()
    await migrate(db)

    const rows = await db.query<{ relname: string; relrowsecurity: boolean }>(
      `select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    )
    expect(rows).toEqual([
      { relname: 'api_keys', relrowsecurity: true },
      { relname: 'attendees', relrowsecurity: true },
      { relname: 'campaign_codes', relrowsecurity: true },
      { relname: 'campaigns', relrowsecurity: true },
      { relname: 'check_ins', relrowsecurity: true },
      { relname: 'events', relrowsecurity: true },
      { relname: 'qr_codes', relrowsecurity: true },
      { relname: 'qr_designs', relrowsecurity: true },
      { relname: 'retired_slugs', relrowsecurity: true },
      { relname: 'scan_counts', relrowsecurity: true },
      { relname: 'scans', relrowsecurity: true },
      { relname: 'webhook_deliveries', relrowsecurity: true },
      { relname: 'webhook_endpoints', relrowsecurity: true },
      { relname: 'webhook_events', relrowsecurity: true },
    ])
  })
})

describe.each(backends)('seed on $name', (backend) => {
  it('applies after the migrations, twice without error', async () => {
    const db = await backend.open()
    try {
      await migrate(db)
      const seed = fs.readFileSync(path.join(process.cwd(), 'supabase', 'seed.sql'), 'utf8')
      await db.exec(seed)
      await db.exec(seed)

      const rows = await db.query<{ slug: string; scan_count: number }>(
        'select c.slug, sc.scan_count from public.qr_codes c join public.scan_counts sc on sc.code_id = c.id order by c.slug',
      )
      expect(rows).toEqual([
        { slug: 'seed2ab', scan_count: 0 },
        { slug: 'seed3cd', scan_count: 0 },
        { slug: 'seed4ef', scan_count: 0 },
      ])
    } finally {
      await backend.dispose(db)
    }
  })
})
