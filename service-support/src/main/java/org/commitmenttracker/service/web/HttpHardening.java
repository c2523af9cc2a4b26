package org.commitmenttracker.service.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Limits a hostile client meets before anything reaches the database: the size of a request
 * body and the time to send it, and the nesting depth, number length and string length Jackson accepts.
 */
@Configuration(proxyBeanMethods = false)
public class HttpHardening {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer streamReadLimits() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxNumberLength(64)
                        .maxStringLength(1_000_000)
                        .build()));
    }

    /**
     * A JSON value of the wrong type is refused, not converted: 42 or true is no title, 2 no
     * rating (an enum's position), and a number no date (days since 1970).
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
                });
    }

    /**
     * Request bodies are read by {@link StrictJson}'s copy of the application's mapper; answers are
     * written as before. The event store's serializer keeps the application's mapper.
     */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(StrictJson.forRequests(objectMapper));
    }

    /** Bodies are read without holding a thread, within a deadline, a bounded number at a time (see {@link BodyFirst}). */
    @Bean
    FilterRegistrationBean<BodyFirst> bodyFirst(@Value("${tracker.http.max-body-size:1MB}") DataSize limit,
                                                @Value("${tracker.http.body-read-timeout:10s}") Duration timeout,
                                                @Value("${tracker.http.max-pending-bodies-per-client:256}") int perClient,
                                                @Value("${tracker.http.max-pending-bodies:1000}") int total) {
        FilterRegistrationBean<BodyFirst> registration = new FilterRegistrationBean<>(
                new BodyFirst(limit.toBytes(), timeout, perClient, total));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        registration.setAsyncSupported(true);
        return registration;
    }

    /** Tomcat's own refusals (before any filter) as problem documents too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${tracker.http.max-body-size:1MB}") DataSize limit) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(limit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Refuses a declared length over the limit at once, and stops reading an undeclared one at the limit. */
    static final class BodySizeLimit extends OncePerRequestFilter {

        private final long limit;

        BodySizeLimit(long limit) {
            this.limit = limit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > limit) {
                ProblemResponses.write(response, request.getRequestURI(), 413, "Payload too large",
                        "The request body exceeds " + limit + " bytes.");
                return;
            }
            chain.doFilter(new LimitedRequest(request, limit), response);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws PayloadTooLarge {
                    read += n;
                    if (read > limit) {
                        throw new PayloadTooLarge(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
