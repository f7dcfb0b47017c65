-- Audit log viewer (issue 6): school admins see the events acted by their staff, and everyone filters by identifier.
create index ix_audit_event_actor on audit_event (actor_id, occurred_at);
create index ix_audit_event_identifier on audit_event (identifier, occurred_at);
