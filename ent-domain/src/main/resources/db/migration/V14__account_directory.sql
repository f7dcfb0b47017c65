-- The account directory (/admin/accounts, issue 6): pages of 100,000 accounts and more under 300 ms on H2 and
-- PostgreSQL (docs/PERFORMANCE.md). Plain column indexes only: the same script runs on H2 2.2 and PostgreSQL 15.

-- Sorted by name: the order ends on the id (pages never overlap), so the index does too, or the database sorts the
-- 100,000 rows for each page (47 ms on H2 instead of 1 ms). It replaces the V1 index on the same names.
drop index ix_account_name;
create index ix_account_name on account (last_name, first_name, id);

-- Sorted by profile or by status, then by name: the page is read in index order and stops after its rows.
create index ix_account_profile_name on account (profile, last_name, first_name, id);
create index ix_account_status_name on account (status, last_name, first_name, id);

-- A class of the current school year across the region (the class filter without an establishment), giving the
-- pupils' ids without reading the table.
create index ix_enrollment_year_division on enrollment (school_year, division, pupil_id);

-- A school's pupils of the year (the school admin's scope), giving the pupils' ids without reading the table.
create index ix_enrollment_establishment_pupil on enrollment (establishment_id, school_year, pupil_id);

-- From a pupil to the pupil's representatives (a scope or a class, then their families).
create index ix_responsibility_pupil_representative on responsibility (pupil_id, representative_id);
