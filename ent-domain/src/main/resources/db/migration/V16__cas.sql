-- Single sign-on (issue 11): a service of the region's list may open through the portal's CAS server.
-- cas_pattern null: a plain link. Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.

alter table offered_service add column cas_pattern_kind varchar(16);
alter table offered_service add column cas_pattern varchar(500);
alter table offered_service add column cas_attributes varchar(300);
alter table offered_service add column cas_single_logout boolean default false not null;
