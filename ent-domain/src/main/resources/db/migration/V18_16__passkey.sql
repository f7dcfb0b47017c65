-- Passkeys (issue 24): WebAuthn credentials of an account (webauthn4j's attested credential data, the signature
-- counter last seen), and the challenges issued, SHA-256 only, each spent once or expired.
create sequence passkey_seq start with 1 increment by 50;

create table passkey (
    id              bigint                   not null,
    account_id      bigint                   not null,
    credential_id   varchar(1400)            not null,
    credential_data varchar(4000)            not null,
    sign_count      bigint                   not null,
    name            varchar(64)              not null,
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone,
    version         bigint                   not null,
    constraint pk_passkey primary key (id),
    constraint uk_passkey_credential unique (credential_id),
    constraint fk_passkey_account foreign key (account_id) references account (id)
);

create index ix_passkey_account on passkey (account_id);

create table passkey_challenge (
    challenge_hash varchar(64)              not null,
    purpose        varchar(16)              not null,
    account_id     bigint,
    expires_at     timestamp with time zone not null,
    constraint pk_passkey_challenge primary key (challenge_hash)
);

create index ix_passkey_challenge_expires on passkey_challenge (expires_at);
