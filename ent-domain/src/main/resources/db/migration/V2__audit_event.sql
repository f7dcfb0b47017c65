-- Audit trail of security events. No foreign key to account: events outlive the account they tell about.
-- Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.

create sequence audit_event_seq start with 1 increment by 50;

create table audit_event (
    id                bigint       not null,
    occurred_at       timestamp with time zone not null,
    event_type        varchar(40)  not null,
    account_id        bigint,
    identifier        varchar(64),
    client_ip         varchar(45),
    user_agent        varchar(255),
    detail            varchar(64),
    establishment_id  bigint,
    constraint pk_audit_event primary key (id)
);

create index ix_audit_event_account on audit_event (account_id, occurred_at);
create index ix_audit_event_occurred on audit_event (occurred_at);
