-- Help requests: a person who cannot sign in asks their school (principal teacher, school office) for help.
create sequence help_request_seq start with 1 increment by 50;

create table help_request (
    id                bigint                   not null,
    version           bigint                   not null,
    account_id        bigint                   not null,
    establishment_id  bigint,
    division          varchar(40),
    kind              varchar(32)              not null,
    status            varchar(16)              not null,
    created_at        timestamp with time zone not null,
    resolved_at       timestamp with time zone,
    resolution_note   varchar(1000),
    constraint pk_help_request primary key (id),
    constraint fk_help_request_account foreign key (account_id) references account (id),
    constraint fk_help_request_establishment foreign key (establishment_id) references establishment (id)
);

create index ix_help_request_account on help_request (account_id, status);
create index ix_help_request_division on help_request (establishment_id, division, status);
