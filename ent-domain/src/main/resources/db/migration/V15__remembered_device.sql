-- Remembered devices ("rester connecté sur cet appareil", issue 7): only the SHA-256 of each device token is stored.
-- A device signs its owner in without a password until it expires, is forgotten (revoked_at), or the account's
-- sessions_valid_after passes its creation (sign out everywhere, password reset, re-issued code).
create sequence remembered_device_seq start with 1 increment by 50;

create table remembered_device (
    id           bigint                   not null,
    account_id   bigint                   not null,
    token_hash   varchar(64)              not null,
    label        varchar(80)              not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    version      bigint                   not null,
    constraint pk_remembered_device primary key (id),
    constraint uk_remembered_device_token unique (token_hash),
    constraint fk_remembered_device_account foreign key (account_id) references account (id)
);

create index ix_remembered_device_account on remembered_device (account_id, revoked_at);
