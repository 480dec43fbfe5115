package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that CsvReader streams: a generated stream of more than 2 GiB (synthesised row by row, never on
 * disk) is read to the end in a separate JVM limited to a 64 MB heap. Holding the input would need over
 * 4 GB of chars, so the child would die of OutOfMemoryError; it must instead count every generated row.
 */
class CsvStreamingTest {

    /** More than 2^31 bytes, so byte and row counters that overflow an int would also show. */
    static final long STREAM_BYTES = (1L << 31) + (64L << 20);
    static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    @Test
    void readsAStreamOfMoreThanTwoGigabytesInA64MegabyteHeap() throws Exception {
        Path result = dir.resolve("result.properties");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), Long.toString(STREAM_BYTES),
                result.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        boolean done = child.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            child.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("child.log"));
        assertTrue(done, "the child did not finish: " + log);
        assertEquals(0, child.exitValue(), "the child failed: " + log);

        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(result)) {
            p.load(in);
        }
        long generatedRows = Long.parseLong(p.getProperty("generatedRows"));
        long generatedBytes = Long.parseLong(p.getProperty("generatedBytes"));
        assertTrue(generatedBytes > (1L << 31), "stream had " + generatedBytes + " bytes");
        assertEquals(generatedRows, Long.parseLong(p.getProperty("records")));
        assertEquals(generatedRows, Long.parseLong(p.getProperty("usable")));
        assertEquals(generatedRows, Long.parseLong(p.getProperty("lastRow")));
        assertEquals(generatedBytes, Long.parseLong(p.getProperty("progressBytes")));
        assertTrue(Long.parseLong(p.getProperty("maxHeap")) <= 64L << 20, "heap limit " + p.getProperty("maxHeap"));
    }

    /** Runs in the child JVM: reads the generated stream and writes what it saw. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            long bytes = Long.parseLong(args[0]);
            GeneratedCsv in = new GeneratedCsv(bytes);
            long records = 0;
            long usable = 0;
            long lastRow = 0;
            long[] progress;
            try (CsvReader reader = CsvReader.open(in, "generated.csv", ReadOptions.DEFAULTS)) {
                SourceRecord r;
                while ((r = reader.next()) != null) {
                    records++;
                    if (r.usable()) {
                        usable++;
                    }
                    lastRow = r.row();
                }
                progress = reader.progress();
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            Properties p = new Properties();
            p.setProperty("generatedRows", Long.toString(in.rows));
            p.setProperty("generatedBytes", Long.toString(in.produced));
            p.setProperty("records", Long.toString(records));
            p.setProperty("usable", Long.toString(usable));
            p.setProperty("lastRow", Long.toString(lastRow));
            p.setProperty("progressBytes", Long.toString(progress[0]));
            p.setProperty("maxHeap", Long.toString(Runtime.getRuntime().maxMemory()));
            p.setProperty("peakHeapUsed", Long.toString(peak));
            try (var out = Files.newOutputStream(new File(args[1]).toPath())) {
                p.store(out, "CsvStreamingTest child");
            }
        }
    }

    /**
     * An incident CSV synthesised on the fly until at least {@code target} bytes: a header, then rows with
     * state-plane coordinates, a date, a quoted description holding a comma, and a UTF-8 letter.
     */
    static final class GeneratedCsv extends InputStream {
        private final long target;
        private long produced;
        private long rows;
        private byte[] chunk = "id,XCoord,YCoord,occurred,category,description\n".getBytes(StandardCharsets.UTF_8);
        private int pos;
        private final StringBuilder sb = new StringBuilder(256);

        GeneratedCsv(long target) {
            this.target = target;
        }

        private boolean refill() {
            if (produced >= target) {
                return false;
            }
            sb.setLength(0);
            // several rows per chunk keep the generator cheap next to the reader
            for (int k = 0; k < 64 && produced + sb.length() < target; k++) {
                rows++;
                long i = rows;
                sb.append(i).append(',').append(870000 + (i * 7919) % 40000).append('.').append(i % 10)
                        .append(',').append(990000 + (i * 104729) % 80000).append(',')
                        .append("2019-").append(1 + i % 12 < 10 ? "0" : "").append(1 + i % 12).append("-1")
                        .append(i % 9).append(" 1").append(i % 10).append(":3").append(i % 6)
                        .append(",LARCENY,\"LARCENY-FROM BUILDING $500 - $24,999 caf\u00e9 #").append(i % 1000)
                        .append("\"\n");
            }
            chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= chunk.length && !refill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            produced += n;
            return n;
        }
    }
}
