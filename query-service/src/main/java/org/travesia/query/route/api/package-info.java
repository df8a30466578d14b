/** The route feature's published API: what other features of query-service may use. */
package org.travesia.query.route.api;
