-- Issue 23, key rotation with an overlap before use. Portable SQL: H2 2.2 and PostgreSQL 15.
-- When a federation key starts signing: a key made by a rotation is published at once (metadata, JWKS) and signs only
-- from signs_from (ent.federation.key-publication-delay later), the previous key signing until then. Keys made
-- before: from their creation.
alter table federation_key add column signs_from timestamp with time zone;
update federation_key set signs_from = created_at;
