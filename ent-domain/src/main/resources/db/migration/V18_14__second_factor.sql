-- Second factor (issue 24): an authenticator app (TOTP) per account, its secret sealed with AES-256-GCM under a key
-- derived from the master key; the last time step used (each code works once); ten recovery codes, SHA-256 only;
-- when an account that must have a factor was first asked to enrol one (the grace period counts from there).
create sequence totp_factor_seq start with 1 increment by 50;

create table totp_factor (
    id             bigint                   not null,
    account_id     bigint                   not null,
    sealed_secret  varchar(200)             not null,
    created_at     timestamp with time zone not null,
    confirmed_at   timestamp with time zone,
    last_used_step bigint,
    last_used_at   timestamp with time zone,
    version        bigint                   not null,
    constraint pk_totp_factor primary key (id),
    constraint uk_totp_factor_account unique (account_id),
    constraint fk_totp_factor_account foreign key (account_id) references account (id)
);

create sequence recovery_code_seq start with 1 increment by 50;

create table recovery_code (
    id         bigint                   not null,
    account_id bigint                   not null,
    code_hash  varchar(64)              not null,
    created_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    constraint pk_recovery_code primary key (id),
    constraint fk_recovery_code_account foreign key (account_id) references account (id)
);

create index ix_recovery_code_account on recovery_code (account_id, code_hash);

create table mfa_enrolment_asked (
    account_id bigint                   not null,
    asked_at   timestamp with time zone not null,
    constraint pk_mfa_enrolment_asked primary key (account_id),
    constraint fk_mfa_enrolment_asked_account foreign key (account_id) references account (id)
);
