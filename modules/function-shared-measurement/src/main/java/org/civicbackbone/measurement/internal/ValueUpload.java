package org.civicbackbone.measurement.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * A CSV upload as received, in its charset: in memory up to {@link #IN_REQUEST_BYTES}, beyond that in a file of its
 * own until a job keeps it ({@link ImportUploads}).
 */
public record ValueUpload(byte[] bytes, Path file, long size, Charset charset) {

    /** Uploads up to this size may be imported during the request; larger ones always run as jobs. */
    public static final int IN_REQUEST_BYTES = 1 << 20;

    /** Reads a UTF-8 upload to its end. */
    public static ValueUpload receive(InputStream body) {
        return receive(body, StandardCharsets.UTF_8);
    }

    /** Reads an upload to its end, into memory up to {@link #IN_REQUEST_BYTES}, beyond that into a file. */
    public static ValueUpload receive(InputStream body, Charset charset) {
        try (InputStream in = body) {
            byte[] head = in.readNBytes(IN_REQUEST_BYTES + 1);
            if (head.length <= IN_REQUEST_BYTES) {
                return new ValueUpload(head, null, head.length, charset);
            }
            Path file = Files.createTempFile("backbone-value-import-", ".csv");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head);
                long size = head.length + in.transferTo(out);
                return new ValueUpload(null, file, size, charset);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read: " + e.getMessage(), e);
        }
    }

    /** Whether it is small enough to import during the request. */
    public boolean small() {
        return file == null;
    }

    /** Its text (a small upload). */
    public String text() {
        return new String(bytes, charset);
    }

    /** Its bytes from the start. */
    InputStream open() throws IOException {
        return small() ? new java.io.ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /** Deletes its file, if it has one. */
    void discard() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LoggerFactory.getLogger(ValueUpload.class).warn("Could not delete the upload {}", file, e);
            }
        }
    }
}
