-- Administration events tell who acted (the staff member) besides the account acted on.
-- Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.

alter table audit_event add column actor_id bigint;
alter table audit_event add column actor_identifier varchar(64);

create index ix_audit_event_establishment on audit_event (establishment_id, occurred_at);
create index ix_audit_event_type on audit_event (event_type, occurred_at);
