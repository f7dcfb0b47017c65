package fr.ent.portal.registry.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens a zipped export (SIECLE delivers {@code ElevesSansAdresses.zip}) after checking its central directory: few
 * entries, a declared total size under the limit, a compression ratio a real XML export has (a zip bomb has thousands),
 * plain names (no directory, no {@code ..}). The entries are then inflated with the declared sizes enforced: an entry
 * inflating past what it declared refuses the file. Nothing is inflated before the checks.
 */
public final class SafeZip {

    /** A file of the archive, inflated. */
    public record Entry(String name, byte[] content) {
    }

    /** What an archive may hold. */
    public record Limits(int maxEntries, long maxTotalBytes, int maxRatio) {

        public static Limits of(long maxTotalBytes) {
            return new Limits(8, maxTotalBytes, 100);
        }
    }

    private SafeZip() {
    }

    /** True when the bytes start like a zip archive. */
    public static boolean isZip(byte[] bytes) {
        return bytes != null && bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    public static List<Entry> open(byte[] zip, Limits limits) {
        Path file = null;
        try {
            file = Files.createTempFile("ent-import-", ".zip");
            Files.write(file, zip);
            try (ZipFile archive = new ZipFile(file.toFile())) {
                List<? extends ZipEntry> entries = Collections.list(archive.entries());
                check(entries, limits);
                List<Entry> out = new ArrayList<>();
                for (ZipEntry entry : entries) {
                    try (InputStream in = archive.getInputStream(entry)) {
                        out.add(new Entry(entry.getName(), inflate(in, entry.getSize())));
                    }
                }
                return out;
            }
        } catch (ZipException e) {
            throw new RegistryFileRefused("zip", "admin.import.file.zip_unreadable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // the temporary directory is cleaned anyway
                }
            }
        }
    }

    /** The central directory's checks, before any byte is inflated. */
    static void check(List<? extends ZipEntry> entries, Limits limits) {
        if (entries.isEmpty()) {
            throw new RegistryFileRefused("zip", "admin.import.file.zip_unreadable");
        }
        if (entries.size() > limits.maxEntries()) {
            throw new RegistryFileRefused("zip-entries", "admin.import.file.zip_entries", limits.maxEntries());
        }
        long total = 0;
        for (ZipEntry entry : entries) {
            String name = entry.getName();
            if (entry.isDirectory() || name.contains("/") || name.contains("\\") || name.contains("..")) {
                throw new RegistryFileRefused("zip-name", "admin.import.file.zip_name");
            }
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size < 0 || compressed < 0) {
                throw new RegistryFileRefused("zip", "admin.import.file.zip_unreadable");
            }
            total += size;
            if (total > limits.maxTotalBytes()) {
                throw new RegistryFileRefused("too-large", "admin.import.file.too_large",
                        RegistryText.megabytes(limits.maxTotalBytes()));
            }
            if (size > 1024 * 1024 && size > compressed * limits.maxRatio()) {
                throw new RegistryFileRefused("zip-ratio", "admin.import.file.zip_ratio");
            }
        }
    }

    /** Inflates at most {@code declared} bytes; more means the directory lied. */
    private static byte[] inflate(InputStream in, long declared) throws IOException {
        byte[] out = in.readNBytes((int) declared);
        if (in.read() >= 0) {
            throw new RegistryFileRefused("zip-ratio", "admin.import.file.zip_ratio");
        }
        return out;
    }
}
