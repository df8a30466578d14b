/** The alert feature's published API: the ordered log of alert events that the stream and webhooks push on. */
package org.travesia.query.alert.api;
