package org.travesia.query.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The response's bytes as they are handed to the connection: how many, and their SHA-256, so that the audit can say
 * exactly what was sent (and a recipient can prove the file it holds is that one).
 */
final class ExportedBytes extends FilterOutputStream {

    private final MessageDigest sha256;
    private long count;

    ExportedBytes(OutputStream out) {
        super(out);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    /** The digest of every byte written; call once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
