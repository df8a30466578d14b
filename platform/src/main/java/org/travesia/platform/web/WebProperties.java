package org.travesia.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings ({@code travesia.http.*}).
 *
 * @param maxBodySize   the largest request body accepted (1 MiB by default; Spring writes it 1MB); larger ones get 413
 * @param maxUploadSize the largest body of a POST to one of {@code uploadPaths} (50 MB by default): file uploads
 * @param uploadPaths   the request paths that take file uploads (a service names its own); none by default
 */
@ConfigurationProperties("travesia.http")
public record WebProperties(DataSize maxBodySize, DataSize maxUploadSize, List<String> uploadPaths) {

    public WebProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(50) : maxUploadSize;
        uploadPaths = uploadPaths == null ? List.of() : List.copyOf(uploadPaths);
    }
}
