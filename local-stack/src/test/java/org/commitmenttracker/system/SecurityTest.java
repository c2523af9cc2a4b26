package org.commitmenttracker.system;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who gets in: bearer tokens beside HTTP Basic, and the fixed local users nowhere but the local stack. */
class SecurityTest {

    @TempDir
    static Path keys;
    private static KeyPair signingKeys;
    private static ConfigurableApplicationContext queryWithTokens;
    private static TrackerHttp queries;

    @BeforeAll
    static void startAQueryServiceThatTakesBearerTokens() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        signingKeys = generator.generateKeyPair();
        Path publicKey = keys.resolve("issuer.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(signingKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        Map<String, Object> properties = new HashMap<>(RunningSystem.shared().database.queryServiceProperties());
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", publicKey.toUri().toString());
        properties.put("tracker.security.jwt.roles-claim", "realm_access.roles");
        queryWithTokens = RunningSystem.start(QueryServiceApplication.builder(), properties);
        queries = RunningSystem.http(queryWithTokens);
    }

    @AfterAll
    static void stop() {
        queryWithTokens.close();
    }

    private static String token(String subject, List<String> roles, RSAPrivateKey key) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("realm_access", Map.of("roles", roles))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void bearerTokenWithARoleIsLetIn() throws Exception {
        String auditor = token("alice", List.of("AUDITOR"), (RSAPrivateKey) signingKeys.getPrivate());

        assertThat(queries.call("/api/commitments").header("Authorization", "Bearer " + auditor).get().status())
                .isEqualTo(200);
    }

    @Test
    void rolesOfTheTokenDecideAsThoseOfBasicUsersDo() throws Exception {
        String officer = token("bob", List.of("officer", "unknown-role"), (RSAPrivateKey) signingKeys.getPrivate());
        String admin = token("carol", List.of("ADMIN"), (RSAPrivateKey) signingKeys.getPrivate());

        assertThat(queries.call("/actuator/prometheus").header("Authorization", "Bearer " + officer).get().status())
                .isEqualTo(403);
        assertThat(queries.call("/actuator/prometheus").header("Authorization", "Bearer " + admin).get().status())
                .isEqualTo(200);
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token("mallory", List.of("ADMIN"), (RSAPrivateKey) generator.generateKeyPair().getPrivate());

        TrackerHttp.Response refused = queries.call("/api/commitments").header("Authorization", "Bearer " + forged).get();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void basicAuthenticationStillWorksBesideTokens() {
        assertThat(queries.call("/api/commitments").as("integrator").get().status()).isEqualTo(200);
    }

    @Test
    void serviceOutsideTheLocalStackRefusesToStartWithAFixedLocalUser() {
        Map<String, Object> properties = new HashMap<>(RunningSystem.shared().database.commandServiceProperties());
        properties.put("tracker.security.users.officer.password", "{noop}officer-local");
        properties.put("tracker.security.users.officer.roles", "OFFICER");
        List<String> args = RunningSystem.arguments(properties);

        assertThatThrownBy(() -> CommandServiceApplication.builder().run(args.toArray(String[]::new)).close())
                .rootCause().hasMessageContaining("fixed password of the local stack");
    }

    @Test
    void configuredUserWithAnEncodedPasswordSignsIn() {
        Map<String, Object> properties = new HashMap<>(RunningSystem.shared().database.queryServiceProperties());
        properties.put("tracker.security.users.dana.password",
                "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("s3cret-Pass"));
        properties.put("tracker.security.users.dana.roles", "INTEGRATOR");
        List<String> args = RunningSystem.arguments(properties);

        try (ConfigurableApplicationContext server = QueryServiceApplication.builder().run(args.toArray(String[]::new))) {
            TrackerHttp http = RunningSystem.http(server);
            assertThat(http.call("/api/commitments").as("dana", "s3cret-Pass").get().status()).isEqualTo(200);
            assertThat(http.call("/api/commitments").as("officer").get().status()).isEqualTo(401);
        }
    }
}
