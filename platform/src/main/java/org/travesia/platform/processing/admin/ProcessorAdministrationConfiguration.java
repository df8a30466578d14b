package org.travesia.platform.processing.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.travesia.platform.audit.AuditConfiguration;
import org.travesia.platform.audit.AuditLog;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.security.SecurityConfiguration;

/** The operator's endpoints for event processors, in every service (each runs its own processors). */
@AutoConfiguration(after = {AuditConfiguration.class, SecurityConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProcessorAdministrationConfiguration {

    @Bean
    public ProcessorAdministration processorAdministration(EventProcessingConfiguration processing) {
        return new ProcessorAdministration(processing);
    }

    @Bean
    public ProcessorAdministrationController processorAdministrationController(ProcessorAdministration administration,
                                                                               AuditLog auditLog,
                                                                               CurrentActor currentActor) {
        return new ProcessorAdministrationController(administration, auditLog, currentActor);
    }
}
