-- Issue 23 item 3: one registry of connected services (CAS, SAML, OIDC). Portable SQL: H2 2.2 and PostgreSQL 15.
-- An OpenID Connect client is offered, like a SAML service provider, in the establishments listed (empty: all), and
-- both may name the address their tile opens (the service's own start URL); a SAML provider without one opens by
-- the portal's IdP-initiated start.
alter table oidc_client add column offered_uais varchar(2000) default '' not null;
alter table oidc_client add column start_url varchar(500);
alter table saml_service_provider add column start_url varchar(500);
