package fr.ent.portal.registry.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The region's inbox directory: the files whose names are the feed's ({@link AafFeedFile}), each with the SHA-256 of
 * its bytes (a file dropped again with other content is another file). Other names are ignored (a file still being
 * copied should be written under another name, then renamed: docs/IMPORT.md).
 */
public final class AafInbox {

    /** A file of the inbox. */
    public record Found(AafFeedFile file, String checksum) {
    }

    private AafInbox() {
    }

    public static List<Found> scan(Path inbox) {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(inbox)) {
            for (Path path : list.filter(Files::isRegularFile).toList()) {
                AafFeedFile.parse(path.getFileName().toString())
                        .ifPresent(file -> found.add(new Found(file, sha256(path))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static String sha256(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[65536];
            while (in.read(buffer) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ready files cut into batches imported together: consecutive files of one date and kind (full or delta). */
    public static List<List<AafFeedFile>> batches(List<AafFeedFile> ready) {
        List<List<AafFeedFile>> batches = new ArrayList<>();
        List<AafFeedFile> current = new ArrayList<>();
        for (AafFeedFile file : ready) {
            if (!current.isEmpty() && (current.get(0).full() != file.full() || !current.get(0).date().equals(file.date()))) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(file);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
