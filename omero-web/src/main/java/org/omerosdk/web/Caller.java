package org.omerosdk.web;

import org.omerosdk.sdk.Session;

/** The SDK session a request runs in, and whether it is OMERO.web's public user rather than a login. */
record Caller(Session session, boolean publicUser) {
}
