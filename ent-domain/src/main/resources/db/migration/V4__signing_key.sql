-- Master keys of the portal's signatures (device cookies, waiting-room tickets...), generated once and shared by
-- every node. Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.

create table signing_key (
    name        varchar(32)  not null,
    key_value   varchar(100) not null,
    created_at  timestamp with time zone not null,
    constraint pk_signing_key primary key (name)
);
