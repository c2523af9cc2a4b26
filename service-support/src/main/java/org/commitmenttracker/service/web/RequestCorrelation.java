package org.commitmenttracker.service.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link CorrelationIds} first of all filters, so that even a refusal is logged and answered with the id. */
@Configuration(proxyBeanMethods = false)
public class RequestCorrelation {

    @Bean
    FilterRegistrationBean<CorrelationIds> correlationIds() {
        FilterRegistrationBean<CorrelationIds> registration = new FilterRegistrationBean<>(new CorrelationIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
