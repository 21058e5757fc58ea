-- A session's limits are fixed when it is opened and stored with it (issue 10), so that joining it, on this or
-- another instance, gives exactly the same session: the one group a group-sudo session acts in and the owner of it
-- who opened the session (the sudoer may be whoever opened that owner's session), whether it is the
-- public user's, the group context it was opened in (-1: all the user's groups) and the most privileges it may hold
-- (comma-separated names; null: no ceiling of its own).
alter table session add column sudo_group_id bigint;
alter table session add column sudo_group_owner_id bigint;
alter table session add column public_user boolean default false not null;
alter table session add column group_context bigint default -1 not null;
alter table session add column privilege_ceiling varchar(1024);
-- every call reads its user's memberships (and privileges) in its own transaction: look them up by user
create index groupexperimentermap_child on groupexperimentermap (child);
