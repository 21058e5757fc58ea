-- the group of the object an event log row names (null for users, groups and memberships): event reads are
-- filtered on it, so that a row is seen only by those who may see the object's group; rows written before this
-- migration take their event's group
alter table eventlog add column entityGroup bigint;
update eventlog set entityGroup = (select e.experimenterGroup from event e where e.id = eventlog.event)
    where entityType not in ('Experimenter', 'ExperimenterGroup', 'GroupExperimenterMap');
create index eventlog_group on eventlog (entityGroup);
