/**
 * OMERO.web over omero-sdk: {@link org.omerosdk.web.WebGateway} (the URLs, as a Jetty 12 handler a host mounts)
 * and {@link org.omerosdk.web.WebServer} (a standalone server for it). Everything else is package-private.
 */
package org.omerosdk.web;
