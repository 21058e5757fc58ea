-- group folder mappings (BIOMERO's importer): the one folder each mapped group's imports must come from, and
-- whether its files may stay in place or must be copied; a group without a row imports from anywhere
create table group_import_folder (
    group_id bigint not null primary key references experimentergroup (id) on delete cascade,
    folder varchar(4096) not null unique,
    transfer varchar(16) not null
);
