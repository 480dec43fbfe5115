package org.pscdesk.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Hashes (SHA-256) and counts the bytes of a stream as a reader consumes it, so that an import that reads
 * its file once also has the file's provenance hash without a second pass over it.
 */
final class InputDigest extends FilterInputStream {

    /** The size and SHA-256 (hex) of a whole input. */
    record Result(long size, String sha256) {
    }

    private final MessageDigest sha;
    private long size;
    private boolean ended;

    InputDigest(InputStream in) {
        super(in);
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            ended = true;
        } else {
            sha.update((byte) b);
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            ended = true;
        } else {
            sha.update(b, off, n);
            size += n;
        }
        return n;
    }

    /** Skipped bytes would be missing from the hash, so they are read. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The whole input's size and hash, once the stream was read to its end; empty before. */
    Optional<Result> result() {
        if (!ended) {
            return Optional.empty();
        }
        MessageDigest copy;
        try {
            copy = (MessageDigest) sha.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(new Result(size, HexFormat.of().formatHex(copy.digest())));
    }
}
