package org.travesia.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The HTTP conventions both services share: problem+json errors, body limits, correlation ids, languages. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
@Import(ApiExceptionHandler.class)
public class WebConfiguration {

    /** Before Spring Security (order -100), so that oversized bodies are refused before anything else. */
    public static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
    public static final int CORRELATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    public Messages messages() {
        return new Messages();
    }

    @Bean
    public Problems problems(Messages messages) {
        return new Problems(messages);
    }

    @Bean
    public ProblemWriter problemWriter(Problems problems, ObjectMapper objectMapper) {
        return new ProblemWriter(problems, objectMapper);
    }

    @Bean
    public FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(CORRELATION_ORDER);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebProperties properties,
                                                                                ProblemWriter problemWriter) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxBodySize().toBytes(), problemWriter));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }
}
