-- Issue 22 item 4: an account's failed sign-ins have one store, the sign-in throttle (per identifier, this node's
-- memory or the data grid). The account's own counter, last failure and lock were never written by the sign-in.
alter table account drop column failed_sign_in_count;
alter table account drop column last_failed_sign_in_at;
alter table account drop column locked_until;
