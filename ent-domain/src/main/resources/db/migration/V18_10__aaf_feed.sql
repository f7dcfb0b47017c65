-- The region's nightly AAF feed (issue 25, item 4). Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.

-- One row per file of the inbox the portal has taken: the row is the claim (its unique name: one node of a cluster
-- works a file), then the record of what became of it (imported, failed, superseded), its counts and its errors.
create sequence aaf_feed_file_seq start with 1 increment by 50;
create table aaf_feed_file (
    id              bigint        not null,
    name            varchar(120)  not null,
    checksum        varchar(64)   not null,
    full_feed       boolean       not null,
    feed_date       date          not null,
    state           varchar(16)   not null,
    node            varchar(120),
    claimed_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    requests        integer default 0 not null,
    created_count   integer default 0 not null,
    updated_count   integer default 0 not null,
    links_count     integer default 0 not null,
    ended_count     integer default 0 not null,
    error_count     integer default 0 not null,
    errors          varchar(4000),
    version         bigint default 0 not null,
    constraint pk_aaf_feed_file primary key (id),
    constraint uq_aaf_feed_file_name unique (name)
);
create index ix_aaf_feed_file_claimed on aaf_feed_file (claimed_at);

-- The académie's directory as the feed left it: one row per establishment, pupil, representative or staff member
-- (the last full file's request, with each later delta applied). A delta names only what changes: the rest of the
-- person comes from here. Pupils are found by their establishment (structure).
create table aaf_feed_entry (
    entry_key       varchar(200)  not null,
    entry_type      varchar(16)   not null,
    aaf_id          varchar(128)  not null,
    structure       varchar(128),
    file_name       varchar(120)  not null,
    line            integer       not null,
    attributes      varchar(60000) not null,
    constraint pk_aaf_feed_entry primary key (entry_key)
);
create index ix_aaf_feed_entry_structure on aaf_feed_entry (entry_type, structure);
