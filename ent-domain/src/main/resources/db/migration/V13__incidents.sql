-- Region administration: incident notices, services switched on and off, who resolved a help request.
-- Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.

create sequence incident_seq start with 1 increment by 50;

create table incident (
    id                  bigint                   not null,
    version             bigint                   not null,
    title               varchar(200)             not null,
    body                varchar(4000)            not null,
    severity            varchar(16)              not null,
    starts_at           timestamp with time zone not null,
    ends_at             timestamp with time zone,
    all_establishments  boolean                  not null,
    posted_at           timestamp with time zone not null,
    posted_by           varchar(64)              not null,
    constraint pk_incident primary key (id)
);

create index ix_incident_ends_at on incident (ends_at, starts_at);

create table incident_establishment (
    incident_id       bigint not null,
    establishment_id  bigint not null,
    constraint pk_incident_establishment primary key (incident_id, establishment_id),
    constraint fk_incident_establishment_incident foreign key (incident_id) references incident (id),
    constraint fk_incident_establishment_establishment foreign key (establishment_id) references establishment (id)
);

alter table offered_service add column enabled boolean default true not null;

alter table help_request add column resolved_by varchar(64);

create index ix_help_request_status on help_request (status, created_at);
