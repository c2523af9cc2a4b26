package org.commitmenttracker.query.feed;

import com.fasterxml.jackson.databind.Module;
import io.cloudevents.jackson.JsonFormat;
import org.commitmenttracker.query.processing.ReadModelProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    /** Lets the answers of the API hold CloudEvents, written by the SDK's own serializer. */
    @Bean
    Module cloudEventJacksonModule() {
        return JsonFormat.getCloudEventJacksonModule();
    }

    /**
     * The feed numbers events in the order its processor sees them, so one segment and one
     * writer; and a position, once given, may never be skipped, so nothing is parked.
     */
    @Bean
    ReadModelProcessor feedProcessor() {
        return ReadModelProcessor.named(FeedProjection.NAME).inTrackingOrder().withoutParking();
    }
}
