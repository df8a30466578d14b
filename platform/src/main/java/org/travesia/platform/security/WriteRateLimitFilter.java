package org.travesia.platform.security;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.travesia.platform.web.ProblemWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits each caller's writes (POST, PUT, PATCH, DELETE) with a token bucket: {@code burst} at once, refilled at
 * {@code writesPerMinute}. A caller is a {@link RateLimitKey}, never a bare user name, so that nobody can use up
 * another organisation's monitor. Reads are not limited here. The buckets live in this instance's memory, so with n
 * instances behind a load balancer a caller may write up to n times the rate.
 */
final class WriteRateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CALLERS = 100_000;

    private final double perNano;
    private final double burst;
    private final ProblemWriter problemWriter;
    private final LongSupplier nanoClock;
    private final Map<RateLimitKey, Bucket> buckets = new ConcurrentHashMap<>();

    WriteRateLimitFilter(SecurityProperties.RateLimit limit, ProblemWriter problemWriter, LongSupplier nanoClock) {
        this.perNano = limit.writesPerMinute() / 60e9;
        this.burst = Math.max(1, limit.burst());
        this.problemWriter = problemWriter;
        this.nanoClock = nanoClock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (buckets.size() > MAX_TRACKED_CALLERS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(RateLimitKey.of(authentication),
                caller -> new Bucket(burst, nanoClock.getAsLong()));
        long waitNanos = bucket.take(nanoClock.getAsLong());
        if (waitNanos > 0) {
            problemWriter.rateLimited(request, response, wholeSecondsAfter(waitNanos));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Rounded up: a client that waits as long as told must find a token waiting for it, never a second 429. */
    private static long wholeSecondsAfter(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        /** Takes one token; returns 0, or how long until one is available. */
        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - updatedAt) * perNano);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
