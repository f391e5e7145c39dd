-- Scan analytics and the scan export. The export pages through one code's scans in id order
-- (keyset pagination), so each page is an index range scan instead of a sort of every scan.
create index scans_code_id_id_idx on public.scans (code_id, id);
