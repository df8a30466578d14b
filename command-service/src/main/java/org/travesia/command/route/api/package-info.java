/** The route feature's published API: what other features of command-service may use. */
package org.travesia.command.route.api;
