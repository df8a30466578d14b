package org.travesia.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings ({@code travesia.http.*}).
 *
 * @param maxBodySize the largest request body accepted (1 MiB by default; Spring writes it 1MB); larger ones get 413
 */
@ConfigurationProperties("travesia.http")
public record WebProperties(DataSize maxBodySize) {

    public WebProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    }
}
