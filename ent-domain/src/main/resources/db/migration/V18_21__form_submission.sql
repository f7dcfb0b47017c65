-- A help form sent again (double click, reload, back button): the same form, with the same anti-forgery token and the
-- same content, is acted on once on every node. One row per request acted on, kept a short while (FormSubmissions).
create table form_submission (
    id              varchar(64) not null,
    expires_at      timestamp with time zone not null,
    constraint pk_form_submission primary key (id)
);
create index ix_form_submission_expires on form_submission (expires_at);
