package org.commitmenttracker.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one place that gives tests a real Kafka broker: a Testcontainers {@code apache/kafka}
 * when Docker answers, else spring-kafka-test's in-JVM KRaft broker (the same Kafka server
 * code, in this JVM). Tests see only {@link Broker}: where it listens, and an outage.
 */
public final class TestKafka {

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
    private static final String IMAGE = "apache/kafka:3.9.1";

    private TestKafka() {
    }

    /** A running broker with {@code topic} created with {@code partitions}. Stop it after use. */
    public interface Broker extends AutoCloseable {

        String bootstrapServers();

        /** Takes the broker away (clients see connection failures) until {@link #resume()}. */
        void pause();

        /** Brings the broker back at the same address, with the topic there. */
        void resume();

        @Override
        void close();
    }

    public static Broker start(String topic, int partitions) {
        if (dockerAnswers()) {
            log.info("Docker answers: tests use a Testcontainers Kafka ({})", IMAGE);
            return new ContainerBroker(topic, partitions);
        }
        log.info("No Docker engine answers: tests use the in-JVM KRaft Kafka broker");
        return new InJvmBroker(topic, partitions);
    }

    private static void createTopic(String bootstrapServers, NewTopic topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            // a producer may have had the broker create it first (auto-creation)
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the topic " + topic.name(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not create the topic " + topic.name(), e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Paused and unpaused as a container: the broker keeps its log. */
    private static final class ContainerBroker implements Broker {

        private final KafkaContainer container = new KafkaContainer(IMAGE);

        ContainerBroker(String topic, int partitions) {
            container.start();
            createTopic(container.getBootstrapServers(), new NewTopic(topic, partitions, (short) 1));
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void pause() {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
        }

        @Override
        public void resume() {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    /**
     * The in-JVM broker cannot be frozen: an outage stops it, and the broker that comes back
     * listens on the same port but starts from an empty log (the topic is created again).
     */
    private static final class InJvmBroker implements Broker {

        private final String topic;
        private final int partitions;
        private final int port = freePort();
        private EmbeddedKafkaKraftBroker broker;

        InJvmBroker(String topic, int partitions) {
            this.topic = topic;
            this.partitions = partitions;
            resume();
        }

        @Override
        public String bootstrapServers() {
            return "localhost:" + port;
        }

        @Override
        public synchronized void pause() {
            if (broker != null) {
                broker.destroy();
                broker = null;
            }
        }

        @Override
        public synchronized void resume() {
            if (broker == null) {
                EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, partitions);
                // the same client port after an outage (the KRaft test kit ignores kafkaPorts)
                started.brokerProperty("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
                started.afterPropertiesSet();
                createTopic(bootstrapServers(), new NewTopic(topic, partitions, (short) 1));
                broker = started;
            }
        }

        @Override
        public void close() {
            pause();
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
