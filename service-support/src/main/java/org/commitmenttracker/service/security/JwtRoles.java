package org.commitmenttracker.service.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns a bearer token into the tracker's roles: the values of the configured claim that name
 * one of {@link Role}; anything else in the claim is ignored. The actor is the token's subject.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String[] claimPath;

    JwtRoles(TrackerSecurityProperties.Jwt settings) {
        this.claimPath = settings.rolesClaim().split("\\.");
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Object value : values(jwt.getClaims())) {
            String name = String.valueOf(value).toUpperCase();
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
                }
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private Collection<?> values(Map<String, Object> claims) {
        Object node = claims;
        for (String step : claimPath) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(step);
        }
        if (node instanceof Collection<?> collection) {
            return collection;
        }
        return node == null ? List.of() : List.of(String.valueOf(node).split("[ ,]+"));
    }
}
