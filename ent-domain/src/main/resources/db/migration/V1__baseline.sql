-- Domain model baseline: establishments and their services, accounts, enrollments, assignments, responsibilities.
-- Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15. One sequence per table, increment 50 = allocationSize.

create sequence establishment_seq start with 1 increment by 50;

create table establishment (
    id              bigint       not null,
    version         bigint       not null,
    uai             varchar(8)   not null,
    name            varchar(200) not null,
    kind            varchar(32)  not null,
    academie        varchar(100) not null,
    city            varchar(100) not null,
    contact_email   varchar(254),
    contact_phone   varchar(32),
    constraint pk_establishment primary key (id),
    constraint uk_establishment_uai unique (uai)
);

create sequence offered_service_seq start with 1 increment by 50;

create table offered_service (
    id                bigint       not null,
    version           bigint       not null,
    establishment_id  bigint       not null,
    name              varchar(100) not null,
    url               varchar(500) not null,
    display_position  integer      not null,
    constraint pk_offered_service primary key (id),
    constraint fk_offered_service_establishment foreign key (establishment_id) references establishment (id)
);

create index ix_offered_service_establishment on offered_service (establishment_id);

create sequence account_seq start with 1 increment by 50;

create table account (
    id                           bigint       not null,
    version                      bigint       not null,
    identifier                   varchar(64)  not null,
    first_name                   varchar(100) not null,
    last_name                    varchar(100) not null,
    birth_date                   date,
    profile                      varchar(32)  not null,
    status                       varchar(16)  not null,
    password_hash                varchar(255),
    provisional_code_hash        varchar(255),
    provisional_code_expires_at  timestamp with time zone,
    recovery_email               varchar(254),
    recovery_email_verified_at   timestamp with time zone,
    failed_sign_in_count         integer      not null,
    last_failed_sign_in_at       timestamp with time zone,
    locked_until                 timestamp with time zone,
    created_at                   timestamp with time zone not null,
    last_sign_in_at              timestamp with time zone,
    constraint pk_account primary key (id),
    constraint uk_account_identifier unique (identifier)
);

-- Recovery emails are stored in lower case, so a plain index serves the case-insensitive lookup.
create index ix_account_recovery_email on account (recovery_email);
create index ix_account_name on account (last_name, first_name);

create table account_pending_action (
    account_id      bigint      not null,
    pending_action  varchar(32) not null,
    constraint pk_account_pending_action primary key (account_id, pending_action),
    constraint fk_account_pending_action_account foreign key (account_id) references account (id)
);

create sequence enrollment_seq start with 1 increment by 50;

create table enrollment (
    id                bigint      not null,
    version           bigint      not null,
    pupil_id          bigint      not null,
    establishment_id  bigint      not null,
    division          varchar(40) not null,
    school_year       integer     not null,
    end_date          date,
    constraint pk_enrollment primary key (id),
    constraint uk_enrollment_pupil_establishment_year unique (pupil_id, establishment_id, school_year),
    constraint fk_enrollment_pupil foreign key (pupil_id) references account (id),
    constraint fk_enrollment_establishment foreign key (establishment_id) references establishment (id)
);

create index ix_enrollment_division on enrollment (establishment_id, school_year, division);

create sequence assignment_seq start with 1 increment by 50;

create table assignment (
    id                bigint      not null,
    version           bigint      not null,
    staff_id          bigint      not null,
    establishment_id  bigint      not null,
    role              varchar(32) not null,
    division          varchar(40),
    school_year       integer     not null,
    constraint pk_assignment primary key (id),
    constraint fk_assignment_staff foreign key (staff_id) references account (id),
    constraint fk_assignment_establishment foreign key (establishment_id) references establishment (id)
);

create index ix_assignment_staff on assignment (staff_id, school_year);
create index ix_assignment_establishment on assignment (establishment_id, school_year);

create sequence responsibility_seq start with 1 increment by 50;

create table responsibility (
    id                        bigint  not null,
    version                   bigint  not null,
    representative_id         bigint  not null,
    pupil_id                  bigint  not null,
    declared_at               timestamp with time zone not null,
    attached_at               timestamp with time zone,
    attachment_failure_count  integer not null,
    suspended_at              timestamp with time zone,
    constraint pk_responsibility primary key (id),
    constraint uk_responsibility_representative_pupil unique (representative_id, pupil_id),
    constraint fk_responsibility_representative foreign key (representative_id) references account (id),
    constraint fk_responsibility_pupil foreign key (pupil_id) references account (id)
);

create index ix_responsibility_pupil on responsibility (pupil_id);
