-- Password reset links (only the SHA-256 of each token is stored; single use, limited in time) and the instant
-- before which every session of an account is void (set when its password is reset).
create sequence password_reset_seq start with 1 increment by 50;

create table password_reset (
    id           bigint                   not null,
    account_id   bigint                   not null,
    token_hash   varchar(64)              not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone,
    constraint pk_password_reset primary key (id),
    constraint uk_password_reset_token unique (token_hash),
    constraint fk_password_reset_account foreign key (account_id) references account (id)
);

create index ix_password_reset_account on password_reset (account_id, created_at);

alter table account add column sessions_valid_after timestamp with time zone;
