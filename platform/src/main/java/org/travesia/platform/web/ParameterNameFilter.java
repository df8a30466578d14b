package org.travesia.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;
import org.travesia.kernel.common.Violation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a query string whose parameter names are not plain names ({@code country}, {@code minQuality}) with 400.
 * Every parameter of this API is one; a name like {@code country[$ne]} or {@code .x} is a probe, and would otherwise
 * reach Spring's data binder, which reads brackets and dots as paths into objects and fails with a 500.
 * Only the query string is read: reading a form body here would consume it before anything else could.
 */
public class ParameterNameFilter extends OncePerRequestFilter {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    private final ProblemWriter problemWriter;

    public ParameterNameFilter(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !allNamesPlain(query)) {
            problemWriter.invalid(request, response, List.of(Violation.of("", "parameter.name-invalid")));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean allNamesPlain(String query) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String encoded = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException undecodable) {
                return false;
            }
            if (!PLAIN_NAME.matcher(name).matches()) {
                return false;
            }
        }
        return true;
    }
}
