-- Issue 20, items 1 and 8: the mails a person receives without asking (a code re-issued by another establishment, the
-- lock notice, a help request notice) are written in the language they last used on the portal themselves (first
-- connection, account page, password reset, remembered sign-in): 'fr' or 'en'; null (nothing known yet) is French.
-- (Numbered 17.2 so that it cannot collide with a V18 written at the same time on another branch.)
alter table account add column language varchar(8);
