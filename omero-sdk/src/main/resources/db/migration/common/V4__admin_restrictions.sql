-- the administrator privileges taken away from a user (OMERO keeps them in Experimenter.config)
alter table experimenter add column admin_restrictions varchar(1024);
