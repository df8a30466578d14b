package org.travesia.platform.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Tomcat does with requests it refuses itself, before any filter runs: it answers them with a
 * {@link ProblemReportValve}, and it logs nothing of them. Tomcat marks its messages that quote request content (a
 * request line, a header, a parameter, a cookie: a bearer token, say) as user data, and writes them at INFO by
 * default; here it never writes them at all.
 * <p>
 * Runs after Spring Boot's own customizer, whose HTML error report it replaces.
 */
final class TomcatErrorHandling implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /** Read by Tomcat when it creates its loggers for user data, which happens after this runs. */
    static final String USER_DATA_LOGGING = "org.apache.juli.logging.UserDataHelper.CONFIG";

    private final Problems problems;
    private final ObjectMapper objectMapper;

    TomcatErrorHandling(Problems problems, ObjectMapper objectMapper) {
        this.problems = problems;
        this.objectMapper = objectMapper;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        System.setProperty(USER_DATA_LOGGING, "NONE");
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // Named as the host's report valve, so that Tomcat does not add its own next to it when the host starts.
            ((StandardHost) host).setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve(problems, objectMapper));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
