package org.commitmenttracker.query.feed;

import com.fasterxml.jackson.databind.Module;
import io.cloudevents.jackson.JsonFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    /** Lets the answers of the API hold CloudEvents, written by the SDK's own serializer. */
    @Bean
    Module cloudEventJacksonModule() {
        return JsonFormat.getCloudEventJacksonModule();
    }
}
