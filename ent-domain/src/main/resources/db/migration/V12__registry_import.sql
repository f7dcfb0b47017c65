-- Registry import (issue 6, items 4 and 5): stable external ids of imported people, legacy credentials of the
-- previous ENT, and one row per previewed import (its single-use token guards the confirmation).
-- Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.

-- "<académie>:eleve:<id>" or "<académie>:responsable:<id>" (see docs/IMPORT.md); null for accounts made by hand.
alter table account add column external_id varchar(120);
alter table account add constraint uk_account_external_id unique (external_id);

-- The previous ENT's login and password hash, until the first sign-in replaces them by an Argon2id hash.
alter table account add column legacy_identifier varchar(64);
alter table account add constraint uk_account_legacy_identifier unique (legacy_identifier);
alter table account add column legacy_hash varchar(255);

create sequence registry_import_seq start with 1 increment by 50;

create table registry_import (
    id                bigint                   not null,
    version           bigint                   not null,
    token             varchar(64)              not null,
    establishment_id  bigint                   not null,
    staff_id          bigint                   not null,
    file_name         varchar(255),
    file_digest       varchar(64)              not null,
    plan_digest       varchar(64)              not null,
    status            varchar(16)              not null,
    row_count         integer                  not null,
    created_count     integer                  not null,
    updated_count     integer                  not null,
    unchanged_count   integer                  not null,
    ended_count       integer                  not null,
    link_count        integer                  not null,
    previewed_at      timestamp with time zone not null,
    confirmed_at      timestamp with time zone,
    constraint pk_registry_import primary key (id),
    constraint uk_registry_import_token unique (token),
    constraint fk_registry_import_establishment foreign key (establishment_id) references establishment (id)
);

create index ix_registry_import_establishment on registry_import (establishment_id, previewed_at);
