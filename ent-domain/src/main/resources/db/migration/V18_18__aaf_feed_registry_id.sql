-- Issue 25, item 1 of the second pass: a delta plans only the persons it names. A pupil's registry id (the INE, else
-- aaf-<AAF id>) is kept beside the encoded attributes, so that a delta's new or changed pupil is checked against the
-- other pupils of the feed holding the same national id (a duplicate) without reading them all. Rows stored before
-- this column have it null: while any pupil row has it null, a delta falls back to planning whole establishments
-- (the next full feed rewrites every row). Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.
alter table aaf_feed_entry add column registry_id varchar(140);
create index ix_aaf_feed_entry_registry on aaf_feed_entry (entry_type, registry_id);
