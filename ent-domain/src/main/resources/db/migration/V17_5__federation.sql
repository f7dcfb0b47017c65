-- Federation (issue 23): the OpenID Connect provider. Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.

-- Signing keys of ID tokens (and later SAML assertions), shared by every node. The private key is encrypted
-- (AES-256-GCM) with ent.federation.key-encryption-key; several keys are published at once while one rotates out.
create table federation_key (
    kid             varchar(64)   not null,
    algorithm       varchar(16)   not null,
    public_jwk      varchar(4000) not null,
    private_sealed  varchar(8000) not null,
    created_at      timestamp with time zone not null,
    retire_after    timestamp with time zone,
    constraint pk_federation_key primary key (kid)
);

-- OpenID Connect clients registered by the region. Only the SHA-256 of a confidential client's secret is kept.
create sequence oidc_client_seq start with 1 increment by 50;
create table oidc_client (
    id                  bigint        not null,
    client_id           varchar(64)   not null,
    name                varchar(120)  not null,
    secret_hash         varchar(64),
    redirect_uris       varchar(4000) not null,
    logout_uris         varchar(4000) not null,
    scopes              varchar(300)  not null,
    refresh_allowed     boolean default false not null,
    enabled             boolean default true not null,
    created_at          timestamp with time zone not null,
    version             bigint default 0 not null,
    constraint pk_oidc_client primary key (id),
    constraint uq_oidc_client_client_id unique (client_id)
);

-- Authorization codes: SHA-256 of the code, single use (used_at), short-lived; in the database so that a code issued
-- on one node is redeemed on another.
create table oidc_code (
    code_hash           varchar(64)   not null,
    client_id           varchar(64)   not null,
    account_id          bigint        not null,
    establishment_id    bigint,
    redirect_uri        varchar(2000) not null,
    scope               varchar(300)  not null,
    nonce               varchar(300),
    code_challenge      varchar(128),
    auth_time           timestamp with time zone not null,
    amr                 varchar(32)   not null,
    expires_at          timestamp with time zone not null,
    used_at             timestamp with time zone,
    constraint pk_oidc_code primary key (code_hash)
);
create index ix_oidc_code_expires on oidc_code (expires_at);

-- Refresh tokens: SHA-256 only; each use rotates to a new token of the same family; a used one presented again
-- revokes the whole family (reuse detection).
create table oidc_refresh (
    token_hash          varchar(64)   not null,
    family              varchar(64)   not null,
    client_id           varchar(64)   not null,
    account_id          bigint        not null,
    establishment_id    bigint,
    scope               varchar(300)  not null,
    auth_time           timestamp with time zone not null,
    amr                 varchar(32)   not null,
    expires_at          timestamp with time zone not null,
    used_at             timestamp with time zone,
    revoked_at          timestamp with time zone,
    constraint pk_oidc_refresh primary key (token_hash)
);
create index ix_oidc_refresh_family on oidc_refresh (family);
create index ix_oidc_refresh_expires on oidc_refresh (expires_at);

-- Access tokens (opaque to clients, for /oidc/userinfo): SHA-256 only, short-lived, revoked at RP-initiated logout.
create table oidc_access_token (
    token_hash          varchar(64)   not null,
    client_id           varchar(64)   not null,
    account_id          bigint        not null,
    establishment_id    bigint,
    scope               varchar(300)  not null,
    auth_time           timestamp with time zone not null,
    amr                 varchar(32)   not null,
    expires_at          timestamp with time zone not null,
    revoked_at          timestamp with time zone,
    constraint pk_oidc_access_token primary key (token_hash)
);
create index ix_oidc_access_expires on oidc_access_token (expires_at);
