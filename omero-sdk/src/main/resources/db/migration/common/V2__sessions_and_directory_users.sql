-- Sessions joinable by key across SDK instances (issue 3): the key is stored only as its SHA-256, so reading the
-- database does not hand out sessions; idle and live timeouts in milliseconds (0 = never); the sudoer behind a
-- session opened as another user.
alter table session add column key_hash varchar(64);
alter table session add column last_access timestamp(6) with time zone;
alter table session add column time_to_idle bigint default 0 not null;
alter table session add column time_to_live bigint default 0 not null;
alter table session add column sudoer_id bigint;
create unique index session_key_hash on session (key_hash);
alter table session add constraint fk_session_sudoer foreign key (sudoer_id) references experimenter;
-- users created from an LDAP directory keep the DN they authenticate against (OMERO password.dn)
alter table password add column dn varchar(1024);
