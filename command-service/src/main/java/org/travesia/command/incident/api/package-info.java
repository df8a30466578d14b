/**
 * The incident feature's published API inside command-service: the only part of {@code org.travesia.command.incident}
 * other features may use.
 */
package org.travesia.command.incident.api;
