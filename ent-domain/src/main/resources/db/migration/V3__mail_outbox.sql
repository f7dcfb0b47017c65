-- Mail outbox: a mail is written in the transaction of the change it tells about, then delivered by the
-- dispatcher (retries with backoff). Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.

create sequence outbox_mail_seq start with 1 increment by 50;

create table outbox_mail (
    id               bigint         not null,
    version          bigint         not null,
    template         varchar(40)    not null,
    recipient        varchar(254)   not null,
    language         varchar(16)    not null,
    subject          varchar(255)   not null,
    text_body        varchar(100000) not null,
    html_body        varchar(100000) not null,
    status           varchar(16)    not null,
    created_at       timestamp with time zone not null,
    attempts         integer        not null,
    next_attempt_at  timestamp with time zone not null,
    sent_at          timestamp with time zone,
    last_error       varchar(200),
    constraint pk_outbox_mail primary key (id)
);

-- The dispatcher's query: due mails in order.
create index ix_outbox_mail_due on outbox_mail (status, next_attempt_at);
-- The latest mails (dev mailbox, support).
create index ix_outbox_mail_created on outbox_mail (created_at);
