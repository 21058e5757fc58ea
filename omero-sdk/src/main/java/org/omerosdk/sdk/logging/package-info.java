/**
 * How the libraries under the SDK log: Hibernate (through jboss-logging) and Flyway are routed to SLF4J, with their
 * start-up INFO lines lowered to DEBUG so that a normal {@code open()} is quiet at INFO; warnings and errors keep
 * their level. Not API: the classes are public only because {@link java.util.ServiceLoader} and Flyway instantiate
 * them by name.
 */
package org.omerosdk.sdk.logging;
