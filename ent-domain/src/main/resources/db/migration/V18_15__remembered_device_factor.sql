-- Issue 24: when the sign-in that remembered a browser passed a second factor. For the profiles that must have one,
-- a remembered device signs in without the factor for ent.mfa.remembered-max after that instant only.
alter table remembered_device add column factor_at timestamp with time zone;
