-- Email verification links: only the SHA-256 of each token is stored; single use, limited in time.
create sequence email_verification_seq start with 1 increment by 50;

create table email_verification (
    id           bigint                   not null,
    account_id   bigint                   not null,
    email        varchar(254)             not null,
    token_hash   varchar(64)              not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone,
    constraint pk_email_verification primary key (id),
    constraint uk_email_verification_token unique (token_hash),
    constraint fk_email_verification_account foreign key (account_id) references account (id)
);

create index ix_email_verification_account on email_verification (account_id);
