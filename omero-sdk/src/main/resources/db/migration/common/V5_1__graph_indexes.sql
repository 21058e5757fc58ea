-- Indexes on the foreign keys the graph operations follow set-wise (issue 14): without them every relation step
-- ("the thumbnails of these pixels") and every foreign-key check of a bulk delete scans the whole table.
create index thumbnail_pixels on thumbnail (pixels);
create index planeinfo_pixels on planeinfo (pixels);
create index channelbinding_renderingdef on channelbinding (renderingDef);
create index renderingdef_quantization on renderingdef (quantization);
create index channel_logicalchannel on channel (logicalChannel);
create index filesetentry_fileset on filesetentry (fileset);
create index filesetentry_originalfile on filesetentry (originalFile);
create index annotation_file on annotation (file);
create index image_instrument on image (instrument);
create index image_objectivesettings on image (objectiveSettings);
create index wellsample_well on wellsample (well);
create index wellsample_image on wellsample (image);
create index wellsample_plateacquisition on wellsample (plateAcquisition);
create index plateacquisition_plate on plateacquisition (plate);
create index objective_instrument on objective (instrument);
create index detector_instrument on detector (instrument);
create index lightsource_instrument on lightsource (instrument);
create index objectivesettings_objective on objectivesettings (objective);
