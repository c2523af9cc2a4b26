package org.commitmenttracker.query.publication.web;

import com.github.benmanes.caffeine.cache.Ticker;
import org.commitmenttracker.query.publication.PublicationProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** The filters of the public side, on {@code /public/*} only. */
@Configuration(proxyBeanMethods = false)
class PublicWebConfiguration {

    @Bean
    FilterRegistrationBean<PublicHttpFilter> publicHttpFilter(PublicationProperties properties) {
        FilterRegistrationBean<PublicHttpFilter> registration = new FilterRegistrationBean<>(
                new PublicHttpFilter(new ClientRateLimit(properties.rateLimit(), Ticker.systemTicker())));
        registration.addUrlPatterns("/public/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * {@code ETag} from the answer's bytes and {@code If-None-Match} answered 304: the detail's
     * version alone would miss {@code overdue}, which changes with the day.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
                new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/public/*");
        return registration;
    }
}
