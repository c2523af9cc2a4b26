package org.commitmenttracker.service.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a request's body before anything else, without a thread: with Servlet non-blocking
 * I/O, Tomcat calls back only when bytes arrive, so a client that sends one byte every few
 * seconds holds a connection, not one of the threads every other request needs. The body must
 * arrive whole within {@code timeout} (else 408), and a client (its address) may have only so
 * many bodies on their way, all clients together only so many (else 429 or 503, with
 * {@code Retry-After}); a refusal closes the connection without waiting for the rest. Once
 * the body is in, the request is dispatched again and goes on through the filters (security
 * first) and the controller as usual, reading its body from memory.
 */
final class BodyFirst extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BodyFirst.class);
    private static final int CHUNK = 8192;
    private static final String BODY = BodyFirst.class.getName() + ".body";

    private final long maxBodySize;
    private final Duration timeout;
    private final int maxPendingPerClient;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<String, AtomicInteger> pendingByClient = new ConcurrentHashMap<>();

    BodyFirst(long maxBodySize, Duration timeout, int maxPendingPerClient, int maxPending) {
        this.maxBodySize = maxBodySize;
        this.timeout = timeout;
        this.maxPendingPerClient = maxPendingPerClient;
        this.maxPending = maxPending;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof byte[] body) {
            // The body is in: the request goes on as the request it was.
            request.removeAttribute(BODY);
            chain.doFilter(new BufferedRequest(request, body), response);
            return;
        }
        if (!hasBody(request) || request.getDispatcherType() != DispatcherType.REQUEST || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeout.toMillis());
        ServletInputStream in = request.getInputStream();
        AtomicInteger ofClient = pendingByClient.computeIfAbsent(client, key -> new AtomicInteger());
        boolean clientBusy = ofClient.incrementAndGet() > maxPendingPerClient;
        boolean busy = pending.incrementAndGet() > maxPending;
        Reading reading = new Reading(request, response, async, in, () -> {
            pending.decrementAndGet();
            if (ofClient.decrementAndGet() <= 0) {
                pendingByClient.remove(client, ofClient);
            }
        });
        async.addListener(reading);
        if (request.getContentLengthLong() > maxBodySize) {
            in.setReadListener(reading.discarding());
            reading.refuse(413, "Payload too large", "The request body exceeds " + maxBodySize + " bytes.");
            return;
        }
        if (clientBusy || busy) {
            // Non-blocking first, so that Tomcat does not wait for the rest of the body to discard it.
            in.setReadListener(reading.discarding());
            reading.refuse(clientBusy ? 429 : 503, clientBusy ? "Too many requests" : "Service unavailable",
                    clientBusy ? "Too many of your requests are still sending their bodies; retry once they are done."
                            : "Too many requests are sending their bodies; retry shortly.");
            return;
        }
        in.setReadListener(reading);
    }

    /** The second pass, once the body is in, comes as an asynchronous dispatch. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** One body on its way; whichever comes first of its end, its deadline or an error decides. */
    private final class Reading implements ReadListener, AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final AsyncContext async;
        private final ServletInputStream in;
        private final Runnable release;
        private final AtomicBoolean decided = new AtomicBoolean();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[CHUNK];

        Reading(HttpServletRequest request, HttpServletResponse response, AsyncContext async,
                ServletInputStream in, Runnable release) {
            this.request = request;
            this.response = response;
            this.async = async;
            this.in = in;
            this.release = release;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!decided.get() && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return;
                }
                body.write(chunk, 0, n);
                if (body.size() > maxBodySize) {
                    refuse(413, "Payload too large", "The request body exceeds " + maxBodySize + " bytes.");
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (decide()) {
                // Tomcat's filter chain of the first pass is gone: the request passes through them all again.
                request.setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable t) {
            if (decide()) {
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            refuse(408, "Request timeout", "The request body did not arrive within " + timeout.toSeconds() + " s.");
        }

        @Override
        public void onComplete(AsyncEvent event) {
            decide();
        }

        @Override
        public void onError(AsyncEvent event) {
            if (decide()) {
                async.complete();
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        void refuse(int status, String title, String detail) {
            if (decide()) {
                response.setHeader("Connection", "close");
                if (status == 429 || status == 503) {
                    response.setHeader("Retry-After", "5");
                }
                write(status, title, detail);
                async.complete();
            }
        }

        private void write(int status, String title, String detail) {
            try {
                ProblemResponses.write(response, request.getRequestURI(), status, title, detail);
            } catch (IOException | RuntimeException e) {
                log.debug("Refusal not written: {}", e.toString());
            }
        }

        /** True for the one caller that decides this request's fate; the place is freed then. */
        private boolean decide() {
            if (decided.compareAndSet(false, true)) {
                release.run();
                return true;
            }
            return false;
        }

        /** For a refused request: reads nothing, so that nothing is waited for. */
        ReadListener discarding() {
            return new ReadListener() {
                @Override
                public void onDataAvailable() {
                }

                @Override
                public void onAllDataRead() {
                }

                @Override
                public void onError(Throwable t) {
                }
            };
        }
    }

    /** The request with its body already read: the rest of the chain reads it from memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body has been read already.");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        /** The filters after this one see the request they would have seen without it. */
        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
