-- Issue 22 item 4: entities updated after their creation carry a version for optimistic locking: an email
-- verification and a password reset are used once (two uses at the same moment: one wins), a federation key is
-- retired by a rotation.
alter table email_verification add column version bigint default 0 not null;
alter table password_reset add column version bigint default 0 not null;
alter table federation_key add column version bigint default 0 not null;
