package io.tidings.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 1 MiB with 413, before anything is parsed or stored: at once when
 * Content-Length says so, or as soon as a chunked body reads past the limit.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RequestBodyLimit implements ContainerRequestFilter {

    public static final long LIMIT_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getLength() > LIMIT_BYTES) {
            throw new BodyTooLargeException(LIMIT_BYTES);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    private static final class Bounded extends FilterInputStream {

        private long remaining = LIMIT_BYTES;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int bytes) throws BodyTooLargeException {
            remaining -= bytes;
            if (remaining < 0) {
                throw new BodyTooLargeException(LIMIT_BYTES);
            }
        }
    }
}
