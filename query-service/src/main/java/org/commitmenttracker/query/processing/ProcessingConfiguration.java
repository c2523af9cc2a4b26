package org.commitmenttracker.query.processing;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processors' tracking tokens live in the query schema, beside the read models they guard. */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("query.token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
