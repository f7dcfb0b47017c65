-- Federation (issue 23): the IDs of the AuthnRequests and LogoutRequests already received, per service provider,
-- until they expire: a replayed request is refused on every node.
create table saml_request_seen (
    sp_entity_id    varchar(500) not null,
    request_id      varchar(128) not null,
    expires_at      timestamp with time zone not null,
    constraint pk_saml_request_seen primary key (sp_entity_id, request_id)
);
create index ix_saml_request_seen_expires on saml_request_seen (expires_at);
