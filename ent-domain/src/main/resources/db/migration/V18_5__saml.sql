-- Federation (issue 23): the SAML 2.0 identity provider. Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.
-- Its signing keys are federation_key's (V17_5); the certificate in its metadata is built from each key.

-- Service providers registered by the region from their uploaded metadata.
create sequence saml_service_provider_seq start with 1 increment by 50;
create table saml_service_provider (
    id                  bigint        not null,
    entity_id           varchar(500)  not null,
    name                varchar(120)  not null,
    acs_url             varchar(500)  not null,
    slo_url             varchar(500),
    certificate         varchar(8000),
    requests_signed     boolean default false not null,
    name_id_transient   boolean default false not null,
    attributes          varchar(300)  not null,
    offered_uais        varchar(2000) not null,
    single_logout       boolean default false not null,
    enabled             boolean default true not null,
    created_at          timestamp with time zone not null,
    version             bigint default 0 not null,
    constraint pk_saml_service_provider primary key (id),
    constraint uq_saml_sp_entity_id unique (entity_id)
);
