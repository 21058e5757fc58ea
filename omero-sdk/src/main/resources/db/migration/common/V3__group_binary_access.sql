-- the group-level omero.policy.binary_access value (OMERO keeps it in ExperimenterGroup.config)
alter table experimentergroup add column binary_access varchar(255);
