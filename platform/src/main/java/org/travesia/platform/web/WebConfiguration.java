package org.travesia.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP conventions both services share: problem+json errors (from controllers, the error dispatch and Tomcat
 * itself), body limits, plain parameter names, correlation ids, languages. Before Spring Boot's error handling, so
 * that its {@code BasicErrorController} sees {@link ProblemErrorController} and steps aside.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
@Import({ApiExceptionHandler.class, ProblemErrorController.class})
public class WebConfiguration {

    /** Before Spring Security (order -100), so that oversized bodies are refused before anything else. */
    public static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
    public static final int CORRELATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    public static final int PARAMETER_NAMES_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    @Bean
    public Messages messages() {
        return new Messages();
    }

    @Bean
    public Problems problems(Messages messages) {
        return new Problems(messages);
    }

    @Bean
    public CommittedAnswerFailures committedAnswerFailures() {
        return new CommittedAnswerFailures();
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
    public FilterRegistrationBean<ParameterNameFilter> parameterNameFilter(ProblemWriter problemWriter) {
        FilterRegistrationBean<ParameterNameFilter> registration = new FilterRegistrationBean<>(
                new ParameterNameFilter(problemWriter));
        registration.setOrder(PARAMETER_NAMES_ORDER);
        return registration;
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorHandling(Problems problems,
                                                                                         ObjectMapper objectMapper) {
        return new TomcatErrorHandling(problems, objectMapper);
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebProperties properties,
                                                                                ProblemWriter problemWriter) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxBodySize().toBytes(), properties.maxUploadSize().toBytes(),
                        properties.uploadPaths(), problemWriter));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }
}
