/**
 * The incident feature's published read API: the only part of {@code org.travesia.query.incident} that other
 * features may use (an architecture test holds them to it).
 */
package org.travesia.query.incident.api;
