-- Families: the establishment a person last chose (the session epoch column came with V6).
-- Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 15.
alter table account add column chosen_establishment_id bigint;
alter table account add constraint fk_account_chosen_establishment
    foreign key (chosen_establishment_id) references establishment (id);
