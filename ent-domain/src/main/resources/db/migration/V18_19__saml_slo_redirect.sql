-- Issue 23, front-channel single logout. Portable SQL: H2 2.2 and PostgreSQL 15.
-- Whether the service provider's single logout address (from its metadata) takes the HTTP-Redirect binding: then
-- the browser is sent there in turn when a portal session ends (the front-channel chain); else the portal posts the
-- LogoutRequest from the server (back-channel). Providers registered before: false until their metadata is uploaded
-- again (they keep the back-channel they had).
alter table saml_service_provider add column slo_redirect boolean default false not null;
