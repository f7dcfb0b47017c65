-- Issue 20, item 7: the remembered-device token rotates at each use. The device keeps the SHA-256 of its current token
-- and of the one just before it (with the time of the rotation): that previous token signs in only within a few
-- seconds of the rotation (tabs of one browser restored together); later, it is a reused old token and revokes the
-- device. (Numbered 17.1 so that it cannot collide with a V17 written at the same time on another branch.)
alter table remembered_device add column previous_token_hash varchar(64);
alter table remembered_device add column rotated_at timestamp with time zone;

create index ix_remembered_device_previous on remembered_device (previous_token_hash);
