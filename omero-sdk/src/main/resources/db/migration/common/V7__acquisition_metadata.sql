-- Acquisition metadata as a file carries it (issue 13, OMERO's acquisition model): the per-channel settings of
-- detectors and light sources, the stage label, imaging environment and experiment of an image, the kinds of light
-- source besides lasers, and the fields of instruments, objectives, detectors and light sources that OME-XML states.
-- Unit columns are varchar(16) holding the unit's enumeration name (the mapping says so for these columns), the
-- same on H2 and PostgreSQL.

create table detectorsettings (creation_id bigint, group_id bigint, id bigint not null, owner_id bigint, permissions bigint not null, update_id bigint, version bigint not null, detector bigint not null, voltage float(53), voltageUnit varchar(16), gain float(53), offsetValue float(53), readOutRate float(53), readOutRateUnit varchar(16), binning varchar(255), integration integer, zoom float(53), primary key (id));
alter table detectorsettings add constraint fk_detectorsettings_detector foreign key (detector) references detector;
create index detectorsettings_detector on detectorsettings (detector);
alter table detectorsettings add constraint fk_detectorsettings_owner_id foreign key (owner_id) references experimenter;
alter table detectorsettings add constraint fk_detectorsettings_group_id foreign key (group_id) references experimentergroup;
alter table detectorsettings add constraint fk_detectorsettings_creation_id foreign key (creation_id) references event;
alter table detectorsettings add constraint fk_detectorsettings_update_id foreign key (update_id) references event;
create index detectorsettings_owner on detectorsettings (owner_id);
create index detectorsettings_group on detectorsettings (group_id);
create table lightsettings (creation_id bigint, group_id bigint, id bigint not null, owner_id bigint, permissions bigint not null, update_id bigint, version bigint not null, lightSource bigint not null, attenuation float(53), wavelength float(53), wavelengthUnit varchar(16), primary key (id));
alter table lightsettings add constraint fk_lightsettings_lightsource foreign key (lightSource) references lightsource;
create index lightsettings_lightsource on lightsettings (lightSource);
alter table lightsettings add constraint fk_lightsettings_owner_id foreign key (owner_id) references experimenter;
alter table lightsettings add constraint fk_lightsettings_group_id foreign key (group_id) references experimentergroup;
alter table lightsettings add constraint fk_lightsettings_creation_id foreign key (creation_id) references event;
alter table lightsettings add constraint fk_lightsettings_update_id foreign key (update_id) references event;
create index lightsettings_owner on lightsettings (owner_id);
create index lightsettings_group on lightsettings (group_id);
create table stagelabel (creation_id bigint, group_id bigint, id bigint not null, owner_id bigint, permissions bigint not null, update_id bigint, version bigint not null, name varchar(255) not null, positionX float(53), positionXUnit varchar(16), positionY float(53), positionYUnit varchar(16), positionZ float(53), positionZUnit varchar(16), primary key (id));
alter table stagelabel add constraint fk_stagelabel_owner_id foreign key (owner_id) references experimenter;
alter table stagelabel add constraint fk_stagelabel_group_id foreign key (group_id) references experimentergroup;
alter table stagelabel add constraint fk_stagelabel_creation_id foreign key (creation_id) references event;
alter table stagelabel add constraint fk_stagelabel_update_id foreign key (update_id) references event;
create index stagelabel_owner on stagelabel (owner_id);
create index stagelabel_group on stagelabel (group_id);
create table imagingenvironment (creation_id bigint, group_id bigint, id bigint not null, owner_id bigint, permissions bigint not null, update_id bigint, version bigint not null, temperature float(53), temperatureUnit varchar(16), airPressure float(53), airPressureUnit varchar(16), humidity float(53), co2percent float(53), primary key (id));
alter table imagingenvironment add constraint fk_imagingenvironment_owner_id foreign key (owner_id) references experimenter;
alter table imagingenvironment add constraint fk_imagingenvironment_group_id foreign key (group_id) references experimentergroup;
alter table imagingenvironment add constraint fk_imagingenvironment_creation_id foreign key (creation_id) references event;
alter table imagingenvironment add constraint fk_imagingenvironment_update_id foreign key (update_id) references event;
create index imagingenvironment_owner on imagingenvironment (owner_id);
create index imagingenvironment_group on imagingenvironment (group_id);
create table experiment (creation_id bigint, group_id bigint, id bigint not null, owner_id bigint, permissions bigint not null, update_id bigint, version bigint not null, type varchar(255), description varchar(10000), primary key (id));
alter table experiment add constraint fk_experiment_owner_id foreign key (owner_id) references experimenter;
alter table experiment add constraint fk_experiment_group_id foreign key (group_id) references experimentergroup;
alter table experiment add constraint fk_experiment_creation_id foreign key (creation_id) references event;
alter table experiment add constraint fk_experiment_update_id foreign key (update_id) references event;
create index experiment_owner on experiment (owner_id);
create index experiment_group on experiment (group_id);
-- an image's stage label, environment and experiment; a channel's detector and light-source settings
alter table image add column stageLabel bigint;
alter table image add column imagingEnvironment bigint;
alter table image add column experiment bigint;
alter table image add constraint fk_image_stagelabel foreign key (stageLabel) references stagelabel;
alter table image add constraint fk_image_imagingenvironment foreign key (imagingEnvironment) references imagingenvironment;
alter table image add constraint fk_image_experiment foreign key (experiment) references experiment;
create index image_stagelabel on image (stageLabel);
create index image_imagingenvironment on image (imagingEnvironment);
create index image_experiment on image (experiment);
alter table logicalchannel add column detectorSettings bigint;
alter table logicalchannel add column lightSourceSettings bigint;
alter table logicalchannel add constraint fk_logicalchannel_detectorsettings foreign key (detectorSettings) references detectorsettings;
alter table logicalchannel add constraint fk_logicalchannel_lightsettings foreign key (lightSourceSettings) references lightsettings;
create index logicalchannel_detectorsettings on logicalchannel (detectorSettings);
create index logicalchannel_lightsettings on logicalchannel (lightSourceSettings);
-- what OME-XML states about instruments and their parts
alter table instrument add column serialNumber varchar(255);
alter table instrument add column lotNumber varchar(255);
alter table objective add column calibratedMagnification float(53);
alter table objective add column correction varchar(255);
alter table objective add column workingDistance float(53);
alter table objective add column workingDistanceUnit varchar(16);
alter table objective add column manufacturer varchar(255);
alter table objective add column serialNumber varchar(255);
alter table detector add column manufacturer varchar(255);
alter table detector add column serialNumber varchar(255);
alter table detector add column gain float(53);
alter table detector add column voltage float(53);
alter table detector add column voltageUnit varchar(16);
alter table detector add column offsetValue float(53);
alter table detector add column zoom float(53);
alter table detector add column amplificationGain float(53);
alter table lightsource add column manufacturer varchar(255);
alter table lightsource add column serialNumber varchar(255);
alter table lightsource add column power float(53);
alter table lightsource add column powerUnit varchar(16);
alter table lightsource add column type varchar(255);
alter table lightsource add column laserMedium varchar(255);
-- the kinds of light source: V1 allowed lasers only, in a check constraint without a stable name on H2; dropping the
-- column drops it on both databases, and the rows there were are lasers
alter table lightsource drop column DTYPE;
alter table lightsource add column DTYPE varchar(31) default 'Laser' not null;
alter table lightsource alter column DTYPE drop default;
alter table lightsource add constraint lightsource_kind check (DTYPE in ('Laser', 'Filament', 'Arc', 'LightEmittingDiode'));
