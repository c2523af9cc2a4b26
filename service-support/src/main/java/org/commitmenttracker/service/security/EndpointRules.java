package org.commitmenttracker.service.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Each service says which role may call which of its endpoints; everything else is shared. */
@FunctionalInterface
public interface EndpointRules {
    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules);
}
