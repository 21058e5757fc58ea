package org.omerosdk.model.meta;

/** Why an event happened (OMERO's EventType enumeration, the values the SDK uses). */
public enum EventType {
    BOOTSTRAP, USER, IMPORT, INTERNAL, SESSIONS, TASK, TEST
}
